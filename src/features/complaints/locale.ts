import en from '../../../locales/en/complaints.json' with { type: 'json' };
import fa from '../../../locales/fa/complaints.json' with { type: 'json' };
import { addNamespace } from '../../i18n/setup.ts';

// This feature's strings travel in its lazy chunk, not in the app shell.
addNamespace('complaints', { fa, en });
