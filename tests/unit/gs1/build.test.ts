import { describe, expect, it } from 'vitest';
import enScan from '../../../locales/en/scan.json' with { type: 'json' };
import faScan from '../../../locales/fa/scan.json' with { type: 'json' };
import { buildDigitalLink, formatElementString } from '../../../src/gs1/build.ts';
import { GS } from '../../../src/gs1/element-string.ts';
import { GS1_ERROR_CODES, messageFor } from '../../../src/gs1/messages.ts';

describe('buildDigitalLink', () => {
  // URI Syntax 1.6, 4.4 (key and qualifiers as path elements), 4.6 (attributes in the query) and 4.7
  // (percent-encoding outside the unreserved set: the GLN example's `32a/b` is `32a%2Fb`).
  it('writes key and qualifiers in the path and attributes in the query, percent-encoded', () => {
    expect(
      buildDigitalLink(
        {
          primaryKey: { ai: '414', value: '9520123456788' },
          qualifiers: [{ ai: '254', value: '32a/b' }],
          attributes: [{ ai: '7240', value: 'A+B' }],
        },
        'https://qr.example.ir/p/',
      ),
    ).toBe('https://qr.example.ir/p/414/9520123456788/254/32a%2Fb?7240=A%2BB');
  });

  // URI Syntax 1.6: the canonical GS1 Digital Link URI is on id.gs1.org.
  it('defaults to the GS1 resolver domain', () => {
    expect(buildDigitalLink({ primaryKey: { ai: '414', value: '6260000000019' } })).toBe(
      'https://id.gs1.org/414/6260000000019',
    );
  });
});

describe('formatElementString', () => {
  const elements = [
    { ai: '01', value: '09520123456788' },
    { ai: '10', value: 'A(1' },
    { ai: '17', value: '251231' },
  ];

  // General Specifications 7.8.5 and figure 7.8.5-2: 01 and 17 are predefined-length, 10 is not.
  it('writes GS only after variable-length fields that are not last', () => {
    expect(formatElementString(elements, 'raw')).toBe(`010952012345678810A(1${GS}17251231`);
  });

  // The bracketed human-readable form as the GS1 Barcode Syntax Engine reads it back: `(` in a value is `\\(`.
  it('writes the bracketed form with literal brackets escaped', () => {
    expect(formatElementString(elements)).toBe('(01)09520123456788(10)A\\(1(17)251231');
  });
});

describe('error words', () => {
  // Not a GS1 rule: every error the core can give is worded for the shopper in both languages.
  it('has a Persian and an English sentence in the locales for every error code', () => {
    for (const code of GS1_ERROR_CODES) {
      expect(faScan.sheet.invalid.codes[code], code).toMatch(/[\u0600-\u06ff]/);
      expect(enScan.sheet.invalid.codes[code], code).toMatch(/^[^\u0600-\u06ff]+$/);
      expect(messageFor(code), code).toBe(enScan.sheet.invalid.codes[code]);
    }
  });
});
