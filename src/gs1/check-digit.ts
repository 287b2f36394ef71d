// GS1 mod-10 check digits (General Specifications 7.9.1): weights 3,1,3,... from the rightmost
// data digit; the check digit brings the weighted sum up to a multiple of ten.

/** Check digit for `digits` (the data digits, without a check digit); -1 when not all digits. */
export function gs1CheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) return -1;
  let sum = 0;
  for (let i = digits.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += (digits.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of `digits` is the GS1 check digit of the ones before it. */
export function hasValidCheckDigit(digits: string): boolean {
  if (digits.length < 2 || !/^\d+$/.test(digits)) return false;
  return gs1CheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

/** A GLN (AI 414, 417 and friends) is exactly 13 digits with a valid check digit. */
export function isValidGln(s: string): boolean {
  return typeof s === 'string' && s.length === 13 && hasValidCheckDigit(s);
}

// Persian (U+06F0..) and Arabic-Indic (U+0660..) digits, as phone keyboards in Iran type them.
const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;
// Separators people type or paste between digit groups: spaces, dashes, dots, underscores, ZWNJ,
// ZWJ and the bidi marks that copying from RTL text brings along.
const DROPPED = /^(?:\s|[-_.\u2010-\u2015\u2212\u200c\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]|\u200d)$/;

function latinDigit(code: number): string | null {
  if (code >= PERSIAN_ZERO && code <= PERSIAN_ZERO + 9) return String(code - PERSIAN_ZERO);
  if (code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9) return String(code - ARABIC_INDIC_ZERO);
  return null;
}

/**
 * Turns what a person typed for a GLN into Latin digits: Persian and Arabic-Indic digits become
 * 0-9; spaces, dashes and ZWNJ are dropped. The result is not validated: pass it to `isValidGln`.
 */
export function normaliseTypedGln(s: string): string {
  if (typeof s !== 'string') return '';
  let out = '';
  for (const ch of s) {
    const digit = latinDigit(ch.codePointAt(0) ?? 0);
    if (digit !== null) out += digit;
    else if (!DROPPED.test(ch)) out += ch;
  }
  return out;
}
