// One place for numbers and dates, so Persian digits and the Jalali calendar are never forgotten.
import { toPersianDigits } from './digits.ts';
import { i18n } from './setup.ts';

export { toLatinDigits, toPersianDigits } from './digits.ts';

const TEHRAN = 'Asia/Tehran';

function locale(lang = i18n.language): string {
  return lang === 'en' ? 'en-GB' : 'fa-IR';
}

/** Digits in the UI's script: Persian in fa, Latin in en. */
export function localDigits(s: string | number, lang = i18n.language): string {
  const text = String(s);
  return lang === 'en' ? text : toPersianDigits(text);
}

export function formatNumber(n: number, lang = i18n.language): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

// Building an Intl formatter costs far more than using one (a list of 50 dates built 50 of
// them); they are kept per language and options.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: string, time: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${time}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? locale(lang) : 'fa-IR-u-ca-persian', {
      timeZone: TEHRAN,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      ...(time ? { hour: '2-digit', minute: '2-digit' } : {}),
    });
    dateFormats.set(key, f);
  }
  return f;
}

/**
 * Builds a language's first number or date formatter ahead of the page that shows them. The first
 * Intl formatter of each kind loads ICU's data: under a phone's CPU it was 250 ms of the shop
 * page's first render (tests/bench/RESULTS.md), the longest task of a plate's cold start. Built
 * while that page still waits for the network, it costs the shopper nothing.
 */
export function warmFormats(kind: 'numbers' | 'dates', lang = i18n.language): void {
  // i18next's `{{n, number}}` asks for the bare language code, formatNumber for the region's.
  if (kind === 'numbers') for (const l of [lang, locale(lang)]) new Intl.NumberFormat(l).format(0);
  else dateFormat(lang, false).format(0);
}

/** A Jalali date (and time) in Tehran's zone in fa; the Gregorian calendar in en. */
export function formatDate(
  d: Date | string | number,
  opts: { time?: boolean } = {},
  lang = i18n.language,
): string {
  const date = d instanceof Date ? d : new Date(d);
  if (Number.isNaN(date.getTime())) return '';
  return dateFormat(lang, Boolean(opts.time)).format(date);
}

/** "3 hours ago" in the UI language, for the age of a cached record. */
export function formatAge(from: Date | number, now: number = Date.now(), lang = i18n.language): string {
  const secs = Math.round((now - (from instanceof Date ? from.getTime() : from)) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale(lang), { numeric: 'auto' });
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of steps)
    if (Math.abs(secs) >= size) return rtf.format(-Math.floor(secs / size), unit);
  return rtf.format(-Math.max(0, secs), 'second');
}

/** A price in rials as a grouped number in the UI's digits (the unit word comes from locales). */
export function formatRials(rials: number, lang = i18n.language): string {
  return formatNumber(Math.round(rials), lang);
}

/** The same price in tomans (ten rials), as shoppers say prices aloud. */
export function formatTomans(rials: number, lang = i18n.language): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(rials / 10);
}
