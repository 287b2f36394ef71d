import en from '../../../locales/en/complaints.json' with { type: 'json' };
import enLifecycle from '../../../locales/en/lifecycle.json' with { type: 'json' };
import enValidation from '../../../locales/en/validation.json' with { type: 'json' };
import fa from '../../../locales/fa/complaints.json' with { type: 'json' };
import faLifecycle from '../../../locales/fa/lifecycle.json' with { type: 'json' };
import faValidation from '../../../locales/fa/validation.json' with { type: 'json' };
import { addNamespace } from '../../i18n/setup.ts';

// This feature's strings travel in its lazy chunk, not in the app shell. The lifecycle's and the
// evidence rules' words are the service's too (src/server/i18n.ts reads the same files).
addNamespace('complaints', { fa, en });
addNamespace('lifecycle', { fa: faLifecycle, en: enLifecycle });
addNamespace('validation', { fa: faValidation, en: enValidation });
