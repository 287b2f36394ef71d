import i18next from 'i18next';

export type Lang = 'fa' | 'en';

// Every namespace file under locales/{lang}/ is bundled; they are small, and each feature owns
// its own file so that features never edit each other's strings.
const files = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/*.json', {
  eager: true,
});

function resources() {
  const out: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, mod] of Object.entries(files)) {
    const m = /locales\/(\w+)\/([\w-]+)\.json$/.exec(path);
    if (!m) continue;
    const [, lang, ns] = m as unknown as [string, string, string];
    out[lang] ??= {};
    out[lang][ns] = mod.default;
  }
  return out;
}

export const i18n = i18next.createInstance();

export async function initI18n(lang: Lang = 'fa'): Promise<void> {
  if (i18n.isInitialized) {
    await i18n.changeLanguage(lang);
    return;
  }
  const res = resources();
  await i18n.init({
    lng: lang,
    fallbackLng: 'fa',
    defaultNS: 'translation',
    ns: Object.keys(res.fa ?? {}),
    resources: res,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
}

export function dirOf(lang: string): 'rtl' | 'ltr' {
  return lang === 'fa' ? 'rtl' : 'ltr';
}
