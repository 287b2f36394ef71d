import en from '../../../locales/en/trust.json' with { type: 'json' };
import fa from '../../../locales/fa/trust.json' with { type: 'json' };
import { addNamespace } from '../../i18n/setup.ts';

// The trust badge's words (its levels, its reasons), registered once for every page that shows
// a badge: the shop page, "near me" and the inspectors' misplaced plates.
addNamespace('trust', { fa, en });
