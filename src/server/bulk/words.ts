import i18next from 'i18next';
import enRegistry from '../../../locales/en/registry.json' with { type: 'json' };
import faRegistry from '../../../locales/fa/registry.json' with { type: 'json' };
import type { Problem } from './registry-csv.ts';

// The import's words, from locales/*/registry.json: Persian by default, English on request
// (--lang en, or an English LANG). Numbers in Persian text are written in Persian digits.

export type Lang = 'fa' | 'en';

const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  lng: 'fa',
  fallbackLng: 'fa',
  ns: ['registry'],
  defaultNS: 'registry',
  resources: { fa: { registry: faRegistry }, en: { registry: enRegistry } },
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

const persianDigits = (n: number) => n.toLocaleString('fa-IR', { useGrouping: false });
const localNumber = (lang: Lang, n: number) => (lang === 'fa' ? persianDigits(n) : String(n));

export function say(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const local = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? localNumber(lang, v) : v]),
  );
  return i18n.getFixedT(lang)(key, local);
}

/** "Line 12, field “gln”: wrong GLN check digit: …" in the reader's language. */
export function describeProblem(lang: Lang, p: Problem): string {
  // Values quoted from the file (a GLN, a code) stay as written; counts and lines are localised.
  // (i18next reads a parameter named `lng` as the language: coordinates are named in full.)
  const problem = say(lang, `problem.${p.code}`, p.params);
  return p.field
    ? say(lang, 'where', { line: p.line, field: p.field, problem })
    : say(lang, 'whereLine', { line: p.line, problem });
}
