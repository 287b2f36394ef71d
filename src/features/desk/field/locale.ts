import enLifecycle from '../../../../locales/en/lifecycle.json' with { type: 'json' };
import faLifecycle from '../../../../locales/fa/lifecycle.json' with { type: 'json' };
import { addNamespace } from '../../../i18n/setup.ts';

// Stages and states on field pages are worded by the lifecycle's file, as everywhere else.
addNamespace('lifecycle', { fa: faLifecycle, en: enLifecycle });
