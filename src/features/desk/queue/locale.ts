import enLifecycle from '../../../../locales/en/lifecycle.json' with { type: 'json' };
import faLifecycle from '../../../../locales/fa/lifecycle.json' with { type: 'json' };
import { addNamespace } from '../../../i18n/setup.ts';
import '../locale.ts';

// The queue's pages word states with the lifecycle's words, the service's too.
addNamespace('lifecycle', { fa: faLifecycle, en: enLifecycle });
