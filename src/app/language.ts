import { signal } from '@preact/signals';
import { LANGUAGE_COOKIE } from '../api/language.ts';
import { dirOf, i18n, type Lang } from '../i18n/setup.ts';

const KEY = 'kala.lang';

export const language = signal<Lang>('fa');

export function savedLanguage(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'fa';
  } catch {
    return 'fa';
  }
}

/** Switches i18next, <html lang dir> and the signal that re-renders the tree, together. */
export function applyLanguage(lang: Lang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = dirOf(lang);
  document.title = i18n.t('app.title');
  language.value = lang;
  // The service words its answers (errors, notices) in the UI's language, not the browser's.
  document.cookie = `${LANGUAGE_COOKIE}=${lang}; path=/; max-age=31536000; SameSite=Lax`;
}

export async function switchLanguage(lang: Lang): Promise<void> {
  await i18n.changeLanguage(lang);
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Private mode: the switch still applies for this visit.
  }
  applyLanguage(lang);
}
