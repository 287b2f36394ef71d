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
  // General Specifications 7.9.1: the last digit of every GS1 key of fixed length is the mod-10
  // check digit of the digits before it; one digit alone carries no data to check.
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
  // A GLN is 13 digits (General Specifications section 3, AI 414 `N13,csum`) with its 7.9.1 check
  // digit; the GLN 9520123456788 is the General Specifications' example.
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
  // Not a GS1 rule but the app's, for what a shopper types: the 13 digits under the plate's QR
  // code typed on a Persian keyboard (DESIGN.md: typed Persian/Arabic digits become Latin before
  // they are validated; Unicode Arabic-Indic U+0660-0669 and extended U+06F0-06F9).
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
