import en from '../../../locales/en/clips.json' with { type: 'json' };
import fa from '../../../locales/fa/clips.json' with { type: 'json' };
import { addNamespace } from '../../i18n/setup.ts';

// Voice notes' and videos' words, in the complaint pages' lazy chunks; the service refuses a clip
// with the same sentences (src/server/i18n.ts reads this file too).
addNamespace('clips', { fa, en });
