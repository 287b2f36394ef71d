import { toLatinDigits } from './digits.ts';

// Persian as people actually type it: Arabic ي/ك from Arabic keyboards, Persian or Latin digits,
// a zero-width non-joiner or a space or nothing between the parts of a compound word.
// Both sides of a search go through `foldForSearch` so any of these forms finds the others.

const ARABIC_FORMS: Record<string, string> = {
  ي: 'ی',
  ى: 'ی',
  ئ: 'ی',
  ك: 'ک',
  ة: 'ه',
  ۀ: 'ه',
  أ: 'ا',
  إ: 'ا',
  ٱ: 'ا',
  آ: 'ا',
  ؤ: 'و',
};

/** Lower-case, Latin digits, Persian letter forms, no diacritics, no ZWNJ/tatweel, single spaces. */
export function foldForSearch(text: string): string {
  return toLatinDigits(text.toLowerCase())
    .replace(/[يىئكةۀأإٱآؤ]/g, (c) => ARABIC_FORMS[c] ?? c)
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The query's words, each folded and without spaces, so "کتاب فروشی" finds "کتاب‌فروشی". */
export function queryTokens(query: string): string[] {
  return foldForSearch(query).split(' ').filter(Boolean);
}

/** A haystack for `matchesTokens`: folded, with the spaces removed. */
export function searchHaystack(...parts: (string | undefined)[]): string {
  return foldForSearch(parts.filter(Boolean).join(' ')).replace(/ /g, '');
}

export function matchesTokens(haystack: string, tokens: string[]): boolean {
  for (const token of tokens) if (!haystack.includes(token)) return false;
  return true;
}
