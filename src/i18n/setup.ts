import i18next from 'i18next';

export type Lang = 'fa' | 'en';
type Bundle = Record<string, unknown>;

// Only the shell's own strings (locales/{lang}/translation.json) ship with first paint. Each
// feature owns a namespace file that its lazy chunk registers with `addNamespace`, so the
// scanner's or the complaint form's strings cost nothing until that page opens.
const shellFiles = import.meta.glob<{ default: Bundle }>('../../locales/*/translation.json', { eager: true });

function resources() {
  const out: Record<string, Record<string, Bundle>> = {};
  for (const [path, mod] of Object.entries(shellFiles)) {
    const lang = /locales\/(\w+)\//.exec(path)?.[1];
    if (lang) out[lang] = { translation: mod.default };
  }
  return out;
}

export const i18n = i18next.createInstance();

const pending: [string, Record<Lang, Bundle>][] = [];

/** Registers a feature's strings in every language; safe to call before or after `initI18n`. */
export function addNamespace(ns: string, bundles: Record<Lang, Bundle>): void {
  if (!i18n.isInitialized) {
    pending.push([ns, bundles]);
    return;
  }
  for (const [lang, bundle] of Object.entries(bundles)) i18n.addResourceBundle(lang, ns, bundle, true, true);
}

export async function initI18n(lang: Lang = 'fa'): Promise<void> {
  if (i18n.isInitialized) {
    await i18n.changeLanguage(lang);
    return;
  }
  await i18n.init({
    lng: lang,
    fallbackLng: 'fa',
    defaultNS: 'translation',
    ns: ['translation'],
    resources: resources(),
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  for (const [ns, bundles] of pending.splice(0)) addNamespace(ns, bundles);
}

export function dirOf(lang: string): 'rtl' | 'ltr' {
  return lang === 'fa' ? 'rtl' : 'ltr';
}
