import en from '../../../locales/en/product.json' with { type: 'json' };
import fa from '../../../locales/fa/product.json' with { type: 'json' };
import { addNamespace } from '../../i18n/setup.ts';

// This feature's strings travel in its lazy chunk, not in the app shell.
addNamespace('product', { fa, en });
