import en from '../../../locales/en/desk.json' with { type: 'json' };
import fa from '../../../locales/fa/desk.json' with { type: 'json' };
import { addNamespace } from '../../i18n/setup.ts';

// The desk's strings travel in its lazy chunk, not in the shopper's shell.
addNamespace('desk', { fa, en });
