import { describe, expect, it } from 'vitest';
import {
  gs1CheckDigit,
  hasValidCheckDigit,
  isValidGln,
  normaliseTypedGln,
} from '../../../src/gs1/check-digit.ts';

describe('gs1CheckDigit', () => {
  // GS1 General Specifications 7.9.1 worked example: GTIN-13 629104150021 -> 3.
  it('computes the mod-10 check digit with weights 3,1,3 from the right', () => {
    expect(gs1CheckDigit('629104150021')).toBe(3);
  });

  // GS1's own example keys (GS1 Digital Link URI Syntax 1.6 examples use prefix 952).
  it('agrees with the GS1 example GTIN, GLN and SSCC', () => {
    expect(gs1CheckDigit('0952012345678')).toBe(8);
    expect(gs1CheckDigit('952012345678')).toBe(8);
    expect(gs1CheckDigit('09520123456789123')).toBe(5);
  });

  it('gives the Iranian sample GLN its check digit', () => {
    expect(gs1CheckDigit('626000000001')).toBe(9);
  });

  it('returns -1 for anything that is not all digits', () => {
    expect(gs1CheckDigit('12a4')).toBe(-1);
    expect(gs1CheckDigit('')).toBe(-1);
  });
});

describe('hasValidCheckDigit', () => {
  it('accepts a key whose last digit is its check digit and rejects one off by one', () => {
    expect(hasValidCheckDigit('09520123456788')).toBe(true);
    expect(hasValidCheckDigit('09520123456787')).toBe(false);
  });

  it('rejects strings too short to carry a check digit or with non-digits', () => {
    expect(hasValidCheckDigit('7')).toBe(false);
    expect(hasValidCheckDigit('0952012345678X')).toBe(false);
  });
});

describe('isValidGln', () => {
  it('accepts exactly 13 digits with a valid check digit', () => {
    expect(isValidGln('6260000000019')).toBe(true);
    expect(isValidGln('9520123456788')).toBe(true);
  });

  it('rejects a wrong check digit, a wrong length and non-strings', () => {
    expect(isValidGln('6260000000018')).toBe(false);
    expect(isValidGln('626000000019')).toBe(false);
    expect(isValidGln('06260000000019')).toBe(false);
    expect(isValidGln(undefined as unknown as string)).toBe(false);
  });
});

describe('normaliseTypedGln', () => {
  it('turns Persian digits into Latin digits', () => {
    expect(normaliseTypedGln('۶۲۶۰۰۰۰۰۰۰۰۱۹')).toBe('6260000000019');
  });

  it('turns Arabic-Indic digits into Latin digits', () => {
    expect(normaliseTypedGln('٦٢٦٠٠٠٠٠٠٠٠١٩')).toBe('6260000000019');
  });

  it('drops spaces, dashes, ZWNJ and bidi marks a person types or pastes', () => {
    expect(normaliseTypedGln(' ۶۲۶-۰۰۰۰\u200c۰۰۰۰ ۱۹\u200f')).toBe('6260000000019');
    expect(isValidGln(normaliseTypedGln('626 0000 0000 19'))).toBe(true);
  });

  it('keeps letters so that validation can reject them', () => {
    expect(normaliseTypedGln('62600000000A9')).toBe('62600000000A9');
  });

  it('returns an empty string for non-strings', () => {
    expect(normaliseTypedGln(42 as unknown as string)).toBe('');
  });
});
