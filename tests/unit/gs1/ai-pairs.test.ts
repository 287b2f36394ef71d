import { describe, expect, it } from 'vitest';
import { parseDigitalLink } from '../../../src/gs1/digital-link.ts';
import { parseElementString } from '../../../src/gs1/element-string.ts';

// Pairing rules: the Syntax Dictionary's `ex=` (invalid pairs) and `req=` (mandatory
// associations). Unless said otherwise, each case is a vector of the GS1 Barcode Syntax Engine's
// test_ai_validateAIs (ai.c), where `true` is a valid message and `false` an invalid one.

function code(text: string): string | undefined {
  const parse = text.startsWith('http') ? parseDigitalLink(text) : parseElementString(text);
  return parse.ok ? undefined : parse.error.code;
}

describe('ex=: AIs that may not stand together', () => {
  it('rejects GTIN with CONTENT, with GCN and with COUNT, wherever they stand', () => {
    expect(code('(01)12345678901231(02)12345678901231')).toBe('mutually-exclusive');
    expect(code('(99)ABC123(01)12345678901231(02)12345678901231')).toBe('mutually-exclusive');
    expect(code('(01)12345678901231(99)ABC123(02)12345678901231')).toBe('mutually-exclusive');
    expect(code('(01)12345678901231(255)5412345000150')).toBe('mutually-exclusive');
    expect(code('(01)12345678901231(37)123')).toBe('mutually-exclusive');
  });

  it('rejects a serial with a TPX, and amounts or points that exclude each other', () => {
    expect(code('(21)ABC123(235)XYZ')).toBe('mutually-exclusive');
    expect(code('(3940)1234(8111)9999')).toBe('mutually-exclusive');
    expect(code('(3940)1234(3941)9999')).toBe('mutually-exclusive'); // matched by "394n", ignoring itself
    expect(code('(3955)123456(3929)123')).toBe('mutually-exclusive'); // matched by "392n"
  });

  // Syntax Dictionary: 8017 ex=8018. Two GSRNs, provider and recipient, are two primary keys that
  // exclude each other, in a URI as in an element string.
  it('rejects two primary keys that exclude each other', () => {
    expect(code('(8017)795260646688514634(8018)795260646688514634')).toBe('mutually-exclusive');
    expect(code('https://example.com/8017/795260646688514634?8018=795260646688514634')).toBe(
      'mutually-exclusive',
    );
    expect(code('https://example.com/01/09520123456788?02=09520123456788')).toBe('mutually-exclusive');
  });
});

describe('req=: AIs that need another beside them', () => {
  it('needs COUNT beside CONTENT, and an SSCC beside both', () => {
    expect(code('(02)12345678901231')).toBe('missing-requisite');
    expect(code('(02)12345678901231(37)123')).toBe('missing-requisite');
    expect(code('(99)AAA(02)12345678901231(37)123')).toBe('missing-requisite');
    expect(code('(02)12345678901231(37)123(00)123456789012345675')).toBeUndefined();
    expect(code('(91)XXX(02)12345678901231(92)YYY(37)123(93)ZZZ(00)123456789012345675')).toBeUndefined();
  });

  it('needs a GTIN or ITIP beside a serial, and a serialised GTIN beside a secondary serial', () => {
    expect(code('(21)ABC123')).toBe('missing-requisite');
    expect(code('(21)ABC123(01)12345678901231')).toBeUndefined();
    expect(code('(21)ABC123(8006)123456789012310510')).toBeUndefined();
    expect(code('(01)12345678901231(250)ABC123')).toBe('missing-requisite');
    expect(code('(01)12345678901231(21)XYZ999(250)ABC123')).toBeUndefined();
  });

  it('needs a count or a trade measure beside a price to pay (392n)', () => {
    expect(code('(01)12345678901231(3925)12599')).toBe('missing-requisite');
    expect(code('(01)12345678901231(3925)12599(30)123')).toBeUndefined();
    for (const measure of ['3100', '3105', '3160', '3165', '3295', '3500', '3575', '3600', '3695']) {
      expect(code(`(01)12345678901231(3925)12599(${measure})654321`), measure).toBeUndefined();
    }
  });

  it('holds for the elements of a Digital Link URI too', () => {
    // 7240 (protocol) req=01,8006: not a data attribute of a place.
    expect(code('https://qr.example.ir/414/6260000000019?7240=P1')).toBe('missing-requisite');
    expect(code('https://id.gs1.org/01/09520123456788?7240=P1')).toBeUndefined();
    expect(code('https://id.gs1.org/01/09520123456788?3925=12599')).toBe('missing-requisite');
    // URI Syntax 1.6 example: a price with a net weight and an expiry date.
    expect(code('https://example.com/01/09520123456788?3103=000195&3922=0299&17=201225')).toBeUndefined();
  });
});

describe('AI 8030: a digital signature only beside a serialised key', () => {
  // 8030 req=00,01+21,03+21,253,255,8003,8004,8006+21,8010+8011,8017,8018
  it('needs one of the serialised keys the Syntax Dictionary lists', () => {
    expect(code('(8030)DIGSIG')).toBe('missing-requisite');
    expect(code('(8030)DIGSIG(00)123456789012345675')).toBeUndefined();
    expect(code('(8030)DIGSIG(01)12345678901231')).toBe('missing-requisite');
    expect(code('(8030)DIGSIG(01)12345678901231(21)ABC123')).toBeUndefined();
    expect(code('(8030)DIGSIG(253)1234567890128X')).toBeUndefined();
    expect(code('(8030)DIGSIG(255)12345678901280')).toBeUndefined();
    expect(code('(8030)DIGSIG(8003)01234567890128X')).toBeUndefined();
    expect(code('(8030)DIGSIG(8004)01234567890')).toBeUndefined();
    expect(code('(8030)DIGSIG(8006)123456789012310102')).toBe('missing-requisite');
    expect(code('(8030)DIGSIG(8006)123456789012310102(21)ABC123')).toBeUndefined();
    expect(code('(8030)DIGSIG(8010)1234567890')).toBe('missing-requisite');
    expect(code('(8030)DIGSIG(8010)1234567890(8011)123456789012')).toBeUndefined();
    expect(code('(8030)DIGSIG(8017)123456789012345675')).toBeUndefined();
    expect(code('(8030)DIGSIG(8018)123456789012345675')).toBeUndefined();
  });

  // test_ai_validateAIs, validateDigSigRequiresSerialisedKey.
  it('needs the serial component of a GDTI, GCN or GRAI beside it', () => {
    expect(code('(253)1234567890128')).toBeUndefined();
    expect(code('(253)1234567890128(8030)ABC123')).toBe('missing-requisite');
    expect(code('(253)1234567890128X(8030)ABC123')).toBeUndefined();
    expect(code('(255)1234567890128(8030)ABC123')).toBe('missing-requisite');
    expect(code('(255)12345678901280(8030)ABC123')).toBeUndefined();
    expect(code('(8003)01234567890128(8030)ABC123')).toBe('missing-requisite');
    expect(code('(8003)01234567890128X(8030)ABC123')).toBeUndefined();
    expect(code('https://example.com/253/1234567890128?8030=ABC123')).toBe('missing-requisite');
  });
});
