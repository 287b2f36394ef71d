import en from '../../../locales/en/near.json' with { type: 'json' };
import fa from '../../../locales/fa/near.json' with { type: 'json' };
import { addNamespace } from '../../i18n/setup.ts';
import '../place/trust-locale.ts';

// This feature's strings travel in its lazy chunk, not in the app shell.
addNamespace('near', { fa, en });
