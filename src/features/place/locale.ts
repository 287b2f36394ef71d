import enLifecycle from '../../../locales/en/lifecycle.json' with { type: 'json' };
import en from '../../../locales/en/place.json' with { type: 'json' };
import faLifecycle from '../../../locales/fa/lifecycle.json' with { type: 'json' };
import fa from '../../../locales/fa/place.json' with { type: 'json' };
import { addNamespace } from '../../i18n/setup.ts';
import './trust-locale.ts';

// This feature's strings travel in its lazy chunk, not in the app shell. The enforcement stages
// on a shop's record are worded by the lifecycle's file, as on a complaint's timeline; the trust
// badge and its reasons by the trust file.
addNamespace('place', { fa, en });
addNamespace('lifecycle', { fa: faLifecycle, en: enLifecycle });
