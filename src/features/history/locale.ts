import en from '../../../locales/en/history.json' with { type: 'json' };
import fa from '../../../locales/fa/history.json' with { type: 'json' };
import { addNamespace } from '../../i18n/setup.ts';

// This feature's strings travel in its lazy chunk, not in the app shell.
addNamespace('history', { fa, en });
