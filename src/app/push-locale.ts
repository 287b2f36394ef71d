import en from '../../locales/en/push.json' with { type: 'json' };
import fa from '../../locales/fa/push.json' with { type: 'json' };
import { addNamespace } from '../i18n/setup.ts';

// Reply notifications' words travel with the lazy pages that offer them (a complaint's page,
// settings), not in the shell. The service words the notifications from the same file.
addNamespace('push', { fa, en });
