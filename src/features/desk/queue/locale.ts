import en from '../../../../locales/en/desk.json' with { type: 'json' };
import enLifecycle from '../../../../locales/en/lifecycle.json' with { type: 'json' };
import fa from '../../../../locales/fa/desk.json' with { type: 'json' };
import faLifecycle from '../../../../locales/fa/lifecycle.json' with { type: 'json' };
import { addNamespace } from '../../../i18n/setup.ts';

// The desk's strings travel in its lazy chunk; the lifecycle's words are the service's too.
addNamespace('desk', { fa, en });
addNamespace('lifecycle', { fa: faLifecycle, en: enLifecycle });
