import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/gs1/classify.ts';
import { gs1DateToIso } from '../../../src/gs1/dates.ts';
import { expandUpcE } from '../../../src/gs1/ean-upc.ts';
import { GS } from '../../../src/gs1/element-string.ts';
import { carrierOf } from '../../../src/gs1/scan-text.ts';

// Symbology identifiers of the GS1 data carriers: the General Specifications' table of symbology
// identifiers (ISO/IEC 15424). Scan data vectors are those of the GS1 Barcode Syntax Engine's
// test_testProcessScanData (scandata.c) unless said otherwise.

describe('the symbology identifier table', () => {
  it('knows which identifiers carry a GS1 element string, EAN/UPC or ITF-14 digits, or plain data', () => {
    for (const id of [']C1', ']e0', ']d2', ']Q3', ']J1']) expect(carrierOf(id), id).toBe('element-string');
    for (const id of [']E0', ']E3', ']E4']) expect(carrierOf(id), id).toBe('ean-upc');
    for (const id of [']E1', ']E2']) expect(carrierOf(id), id).toBe('add-on');
    expect(carrierOf(']I1')).toBe('itf-14');
    for (const id of [']Q1', ']d1', ']J0', ']C0', ']A0', '']) expect(carrierOf(id), id).toBe('plain');
  });
});

describe('classify: a product from each GS1 carrier', () => {
  const product = (symbology: string) => ({
    kind: 'gs1-product',
    gtin: '12312312312333',
    lot: 'ABC123',
    symbology,
  });

  it('reads the same GS1 element string from GS1 QR, DataMatrix, DotCode, GS1-128 and DataBar', () => {
    const data = `011231231231233310ABC123${GS}99TESTING`;
    for (const id of [']Q3', ']d2', ']J1', ']C1', ']e0']) {
      expect(classify(`${id}${data}`), id).toMatchObject(product(id));
    }
  });

  it('reads a GS1 DataBar Composite, its linear and 2D parts run together after ]e0', () => {
    expect(classify(`]e0011231231231233310ABC123${GS}99TESTING${GS}98XYZ`)).toMatchObject({
      kind: 'gs1-product',
      gtin: '12312312312333',
      lot: 'ABC123',
    });
  });

  it('reads EAN-13 (]E0, 13 digits) and EAN-8 (]E4, 8 digits) as 14-digit GTINs', () => {
    expect(classify(']E02112345678900')).toEqual({
      kind: 'gs1-product',
      gtin: '02112345678900',
      elements: [{ ai: '01', value: '02112345678900' }],
      symbology: ']E0',
    });
    expect(classify(']E402345673')).toMatchObject({ kind: 'gs1-product', gtin: '00000002345673' });
  });

  it('rejects EAN/UPC data of the wrong length, with a letter or with a bad check digit', () => {
    const error = (text: string) => {
      const kind = classify(text);
      return kind.kind === 'invalid-gs1' ? kind.error.code : kind.kind;
    };
    expect(error(']E012345678901234')).toBe('bad-length'); // Long
    expect(error(']E01234ABC890123')).toBe('bad-character'); // Non-numeric
    expect(error(']E02112345678901')).toBe('bad-check-digit'); // Bad check digit
    expect(error(']E41234567')).toBe('bad-length'); // Short
    expect(error(']E4123456789')).toBe('bad-length'); // Long
    expect(error(']E412ABC678')).toBe('bad-character'); // Non-numeric
    expect(error(']E402345674')).toBe('bad-check-digit'); // Bad check digit
    expect(error(']E0')).toBe('bad-length');
  });

  // zxing-cpp, the engine of our scanner, sends UPC-A as its 12 digits and UPC-E as its 8 digits
  // after ]E0 (ISO/IEC 15420 has both expanded to 13); the GTIN is the same either way.
  it('reads UPC-A sent as 12 digits and UPC-E sent as its 8 compressed digits', () => {
    expect(classify(']E0416000336108')).toMatchObject({ gtin: '00416000336108' });
    expect(classify(']E00416000336108')).toMatchObject({ gtin: '00416000336108' });
    expect(classify(']E001234565')).toMatchObject({ kind: 'gs1-product', gtin: '00012345000065' });
    expect(classify(']E021234565')).toMatchObject({ kind: 'invalid-gs1', error: { code: 'bad-value' } });
  });

  it('reads EAN/UPC with its add-on (]E3) and leaves an add-on alone (]E1, ]E2) as text', () => {
    expect(classify(']E3211234567890012')).toMatchObject({
      kind: 'gs1-product',
      gtin: '02112345678900',
      addOn: '12',
    });
    expect(classify(']E32112345678900 51234')).toMatchObject({ gtin: '02112345678900', addOn: '51234' });
    expect(classify(']E3211234567890')).toMatchObject({ kind: 'invalid-gs1' });
    expect(classify(']E112')).toEqual({ kind: 'text', text: '12' });
    expect(classify(']E251234')).toEqual({ kind: 'text', text: '51234' });
  });

  it('reads an ITF-14 (]I1) as its GTIN-14', () => {
    expect(classify(']I109528765432108')).toMatchObject({ kind: 'gs1-product', gtin: '09528765432108' });
    expect(classify(']I19528765432108')).toMatchObject({
      kind: 'invalid-gs1',
      error: { code: 'bad-length' },
    });
  });

  it('reads a Digital Link URI from a plain QR Code (]Q1) or Data Matrix (]d1)', () => {
    const uri = 'https://example.com/01/12312312312333?99=TEST';
    expect(classify(`]Q1${uri}`)).toMatchObject({ kind: 'gs1-product', uri, symbology: ']Q1' });
    expect(classify(`]d1${uri}`)).toMatchObject({ kind: 'gs1-product', uri, symbology: ']d1' });
    expect(classify(`]d1https://example.com/414/6260000000019`)).toMatchObject({ kind: 'gs1-location' });
  });

  it('reports an empty GS1 message as invalid', () => {
    for (const id of [']Q3', ']d2', ']C1', ']e0']) {
      expect(classify(id), id).toMatchObject({ kind: 'invalid-gs1', error: { code: 'empty-value' } });
    }
  });
});

describe('classify: places, products and keyless messages apart', () => {
  // The primary key decides (URI Syntax 1.6, 4.4): 01 a product, 414 a place. A message with no
  // primary key is still valid: `(410)...`, `]C1416...` and `(400)ABC(400)ABC` are whole messages
  // in the Syntax Engine's tests, and the Syntax Dictionary gives 400 and 410-417 no `req=`.
  it('tells a product (AI 01) from a place (AI 414) in element strings and URIs alike', () => {
    expect(classify('(01)09520123456788(17)261231(10)L7')).toMatchObject({
      kind: 'gs1-product',
      gtin: '09520123456788',
      lot: 'L7',
      expiry: '261231',
    });
    expect(classify('(414)6260000000019')).toMatchObject({ kind: 'gs1-location', gln: '6260000000019' });
    expect(classify('https://id.gs1.org/01/09520123456788?15=270100')).toMatchObject({
      kind: 'gs1-product',
      bestBefore: '270100',
    });
    expect(classify('https://id.gs1.org/414/9520123456788')).toMatchObject({ kind: 'gs1-location' });
  });

  it('classifies a valid message with no primary key as gs1-data, not as an error', () => {
    expect(classify('(410)6260000000019')).toEqual({
      kind: 'gs1-data',
      elements: [{ ai: '410', value: '6260000000019' }],
    });
    expect(classify(']C14166260000000019')).toMatchObject({ kind: 'gs1-data', symbology: ']C1' });
    expect(classify('(400)ABC(400)ABC')).toMatchObject({ kind: 'gs1-data' });
  });
});

describe('expandUpcE: UPC-E zero suppression', () => {
  // General Specifications, UPC-E zero suppression: the last data digit says where the zeros of
  // the UPC-A were taken out; only number systems 0 and 1 exist.
  it('writes out each of the four UPC-E forms as its UPC-A', () => {
    // The check digit is carried over; it is the UPC-A's.
    expect(expandUpcE('01234565')).toBe('012345000065'); // last digit 0-2: XX d6 0000 XXX
    expect(expandUpcE('04252614')).toBe('042100005264');
    expect(expandUpcE('01234534')).toBe('012300000454'); // 3: XXX 00000 XX
    expect(expandUpcE('01234447')).toBe('012340000047'); // 4: XXXX 00000 X
    expect(expandUpcE('01234576')).toBe('012345000076'); // 5-9: XXXXX 0000 d6
  });

  it('refuses a number system other than 0 and 1, and anything but 8 digits', () => {
    expect(expandUpcE('21234565')).toBeNull();
    expect(expandUpcE('0123456')).toBeNull();
  });
});

// General Specifications 7.12: YYMMDD, the century that puts the year within 49 years back and 50
// ahead of today, and DD = 00 for the last day of the month.
describe('gs1DateToIso', () => {
  const today = new Date('2026-11-30T00:00:00Z');

  it('picks the century nearest today', () => {
    expect(gs1DateToIso('261231', today)).toBe('2026-12-31');
    expect(gs1DateToIso('760101', today)).toBe('2076-01-01'); // 50 years ahead
    expect(gs1DateToIso('770101', today)).toBe('1977-01-01'); // 51 years ahead: previous century
    expect(gs1DateToIso('990101', new Date('2049-06-01T00:00:00Z'))).toBe('2099-01-01');
    expect(gs1DateToIso('000101', new Date('2099-06-01T00:00:00Z'))).toBe('2100-01-01'); // -99: next century
  });

  it('reads DD = 00 as the last day of the month, leap years included', () => {
    expect(gs1DateToIso('280200', today)).toBe('2028-02-29');
    expect(gs1DateToIso('270200', today)).toBe('2027-02-28');
  });

  it('rejects what is not a date', () => {
    expect(gs1DateToIso('271301', today)).toBeNull();
    expect(gs1DateToIso('270230', today)).toBeNull();
    expect(gs1DateToIso('2702', today)).toBeNull();
  });
});
