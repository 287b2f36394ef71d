import { i18n } from '../i18n/setup.ts';
import { language } from './language.ts';

/**
 * Translate, and subscribe the calling component to language changes: reading the signal
 * inside render makes @preact/signals re-render it when the language switches.
 */
export function useT(): typeof i18n.t {
  void language.value;
  return i18n.t.bind(i18n) as typeof i18n.t;
}
