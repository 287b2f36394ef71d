import en from '../../../locales/en/outcomes.json' with { type: 'json' };
import fa from '../../../locales/fa/outcomes.json' with { type: 'json' };
import { addNamespace } from '../../i18n/setup.ts';

// Public outcomes' words travel with the section's own lazy chunk (and with the filing form's
// and the desk's moderation page, which import this too). Outcomes themselves are worded by the
// lifecycle's file, which the shop page registers already.
addNamespace('outcomes', { fa, en });
