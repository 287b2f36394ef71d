import { describe, expect, it } from 'vitest';
import { GS, parseElementString } from '../../../src/gs1/element-string.ts';
import { isKeyQualifier, isPrimaryKey } from '../../../src/gs1/key-structure.ts';
import type { Gs1Parse } from '../../../src/gs1/types.ts';

function ok(parse: Gs1Parse) {
  if (!parse.ok) throw new Error(`expected a parse, got ${parse.error.code}`);
  return parse;
}

function code(text: string): string | undefined {
  const parse = parseElementString(text);
  return parse.ok ? undefined : parse.error.code;
}

describe('parseElementString: raw data from a GS1 carrier', () => {
  // General Specifications figure 7.8.5-2: 414 is a predefined-length AI (13 digits), so no FNC1
  // follows it; ]Q3 is a GS1 QR Code (FNC1 in first position), General Specifications' table of
  // symbology identifiers (ISO/IEC 15424).
  it('reads a 414 plate with ]Q3, with no GS after the predefined-length 414', () => {
    const parse = ok(parseElementString(']Q34146260000000019254A12'));
    expect(parse.primaryKey).toEqual({ ai: '414', value: '6260000000019' });
    expect(parse.qualifiers).toEqual([{ ai: '254', value: 'A12' }]);
    expect(parse.uri).toBeUndefined();
  });

  // General Specifications 7.8: the element string is the same whether or not the reader transmits
  // the symbology identifier (many keyboard-wedge readers do not).
  it('reads the same plate without a symbology identifier', () => {
    expect(ok(parseElementString('4146260000000019254A12')).qualifiers[0]?.value).toBe('A12');
    expect(ok(parseElementString('4146260000000019')).elements).toHaveLength(1);
  });

  // ]d2 GS1 DataMatrix and ]C1 GS1-128 (the symbology identifier table); a reader that passes the
  // FNC1 in first position on as GS (ASCII 29), General Specifications 7.8.5.
  it('accepts the ]d2 and ]C1 identifiers and a leading FNC1 passed on as GS', () => {
    expect(ok(parseElementString(']d24146260000000019')).primaryKey?.ai).toBe('414');
    expect(ok(parseElementString(']C14146260000000019')).primaryKey?.ai).toBe('414');
    expect(ok(parseElementString(`${GS}4146260000000019`)).primaryKey?.ai).toBe('414');
  });

  // GS1 General Specifications 7.8 example: ]C1 (01)95012345678903(3103)000123.
  it('reads the General Specifications GS1-128 example of a GTIN with a net weight', () => {
    const parse = ok(parseElementString(']C101950123456789033103000123'));
    expect(parse.elements).toEqual([
      { ai: '01', value: '95012345678903' },
      { ai: '3103', value: '000123' },
    ]);
  });

  // General Specifications 7.8.5: a variable-length element string not at the end of the message is
  // followed by FNC1, transmitted as GS; 17 is predefined-length (figure 7.8.5-2).
  it('ends a variable-length field at GS and reads the next AI after it', () => {
    const parse = ok(parseElementString(`]Q30109520123456788${'10ABC'}${GS}21XYZ${GS}17251231`));
    expect(parse.qualifiers.map((q) => q.ai)).toEqual(['10', '21']);
    expect(parse.attributes).toEqual([{ ai: '17', value: '251231' }]);
  });

  // General Specifications 7.8.5: a predefined-length field needs no separator, so one after it
  // (or at the very end) delimits nothing and is passed over, as the Syntax Engine does.
  it('tolerates a superfluous GS after a predefined-length field or at the end', () => {
    expect(code(`]Q34146260000000019${GS}254A12`)).toBeUndefined();
    expect(code(`]Q34146260000000019${GS}`)).toBeUndefined();
  });

  // General Specifications 7.8.5: FNC1 separates element strings, so two in a row enclose an empty
  // one; ]A0 (Code 39) is not a GS1 carrier in the symbology identifier table.
  it('rejects two GS in a row, an empty message and an unknown symbology identifier', () => {
    expect(code(`]Q30109520123456788${GS}${GS}10A`)).toBe('bad-syntax');
    expect(code(']Q3')).toBe('empty-value');
    expect(code(GS)).toBe('empty-value');
    expect(code('')).toBe('bad-syntax');
    expect(code(']A04146260000000019')).toBe('bad-syntax');
  });

  // AI 414 `N13,csum` (General Specifications section 3 and 7.9.1).
  it('rejects a bad check digit, a short key and a letter in a numeric key', () => {
    expect(code(']Q34146260000000018')).toBe('bad-check-digit');
    expect(code(']Q3414626000000001')).toBe('bad-length');
    expect(code(']Q341462600000000A9')).toBe('bad-character');
  });

  // AI 254 `X..20` (General Specifications section 3): at most 20 characters.
  it('rejects a variable-length value longer than its maximum', () => {
    expect(code(`]Q34146260000000019254${'A'.repeat(21)}`)).toBe('bad-length');
  });

  // General Specifications section 3: `2399` starts no assigned AI (23, 239 and 2399 are none);
  // a message must start with an AI (7.8).
  it('rejects an unknown AI and data that does not start with an AI', () => {
    expect(code(']Q32399')).toBe('unknown-ai');
    expect(code(']Q3AB')).toBe('bad-syntax');
  });

  // An AI repeated in one message must carry the same value: Syntax Engine test_ai_validateAIs,
  // `(400)ABC(400)ABC` passes and `(400)ABC(400)AB` fails.
  it('rejects the same AI twice with different values but tolerates an exact repeat', () => {
    expect(code(`4146260000000019254A${GS}254B`)).toBe('duplicate-ai');
    expect(ok(parseElementString(`4146260000000019254A${GS}254A`)).elements).toHaveLength(2);
  });
});

describe('parseElementString: bracketed human-readable form', () => {
  // The human-readable interpretation of the General Specifications: each AI in brackets before its data.
  it('reads (414)6260000000019(254)A12', () => {
    const parse = ok(parseElementString('(414)6260000000019(254)A12'));
    expect(parse.primaryKey?.value).toBe('6260000000019');
    expect(parse.qualifiers).toEqual([{ ai: '254', value: 'A12' }]);
  });

  // The GS1 Barcode Syntax Engine's bracketed input: a literal `(` in a value is written `\\(`.
  it('reads an escaped bracket inside a value', () => {
    expect(ok(parseElementString('(414)6260000000019(254)A\\(1')).qualifiers[0]?.value).toBe('A(1');
  });

  it('rejects malformed brackets, unknown AIs and bad values', () => {
    expect(code('(414')).toBe('bad-syntax');
    expect(code('(4x4)6260000000019')).toBe('bad-syntax');
    expect(code('(23)1')).toBe('unknown-ai');
    expect(code('(414)6260000000018')).toBe('bad-check-digit');
    expect(code('(414)')).toBe('empty-value');
  });
});

describe('parseElementString: keys and qualifiers', () => {
  // Syntax Dictionary `dlpkey`: 414 is a primary key with qualifiers 254 or 7040; 410 (ship to) is none.
  it('knows the Digital Link primary keys and their qualifiers', () => {
    expect(isPrimaryKey('414')).toBe(true);
    expect(isPrimaryKey('410')).toBe(false);
    expect(isKeyQualifier('7040')).toBe(true);
    expect(isKeyQualifier('17')).toBe(false);
  });

  it('sorts qualifiers into their sequence order whatever order the string has', () => {
    const parse = ok(parseElementString('(01)09520123456788(21)S1(10)L1(22)2A'));
    expect(parse.qualifiers.map((q) => q.ai)).toEqual(['22', '10', '21']);
    expect(parse.elements.map((e) => e.ai)).toEqual(['01', '21', '10', '22']);
  });

  // Syntax Dictionary: 254 req=414, 22 req=01, 8011 req=8010; 7040 has no req= at all.
  it('rejects a qualifier without its key, but takes 7040 alone', () => {
    expect(code('(254)A12')).toBe('missing-requisite');
    expect(code('(22)2A')).toBe('missing-requisite');
    expect(code('(8011)123')).toBe('missing-requisite');
    expect(ok(parseElementString('(7040)1A2B')).elements).toEqual([{ ai: '7040', value: '1A2B' }]);
  });

  // The Digital Link path rule "254 or 7040, not both" is a rule of the URI path: the Syntax
  // Dictionary has no ex= between them, so the element string carries both.
  it('does not apply the Digital Link path alternatives to an element string', () => {
    const parse = ok(parseElementString('(414)6260000000019(254)A(7040)1A2B'));
    expect(parse.qualifiers.map((q) => q.ai)).toEqual(['254', '7040']);
  });

  // Syntax Engine test_ai_validateAIs: "(400)ABC" and "(400)ABC(400)ABC" pass; the Syntax
  // Dictionary gives 400 and 410-417 no req=, so a message needs no primary key.
  it('reads a valid element string that carries no primary key', () => {
    const parse = ok(parseElementString('(400)ABC(400)ABC'));
    expect(parse.primaryKey).toBeUndefined();
    expect(parse.elements).toEqual([{ ai: '400', value: 'ABC' }]);
    expect(ok(parseElementString('(410)6260000000019')).attributes).toEqual([
      { ai: '410', value: '6260000000019' },
    ]);
    expect(ok(parseElementString(']C14166260000000019')).primaryKey).toBeUndefined();
    expect(ok(parseElementString('(17)251231(7240)P1(01)09520123456788')).primaryKey?.ai).toBe('01');
  });

  // Syntax Engine test_ai_validateAIs, repeats: (400)ABC(400)AB and (89)..(89).. with another value fail.
  it('rejects a repeated AI with another value, wherever the repeat stands', () => {
    expect(code('(400)ABC(400)AB')).toBe('duplicate-ai');
    expect(code('(400)ABC(99)DEF(400)XYZ')).toBe('duplicate-ai');
    expect(code('(400)ABC(99)DEF(400)ABC')).toBeUndefined();
  });

  it('keeps a batch as an attribute when the key it qualifies is not the primary key', () => {
    const parse = ok(parseElementString('(00)095201234567891235(02)09520123456788(37)25(10)L1'));
    expect(parse.primaryKey?.ai).toBe('00');
    expect(parse.attributes.map((a) => a.ai)).toEqual(['02', '37', '10']);
  });

  it('returns an error, not an exception, for non-string input', () => {
    expect(parseElementString(undefined as unknown as string).ok).toBe(false);
  });
});

// GS1 Barcode Syntax Engine, test_ai_processAIdata (ai.c): raw AI data where "^" is FNC1, the first
// one in first position; written here after ]C1, with GS for every later FNC1. Those vectors test
// the format only, so an element whose req= names a key gets that key after it (the third column)
// to keep the pairing rules out of the way. Cases that hinge on the unchecked ISO code lists are
// left out.
describe('parseElementString: Syntax Engine processAIdata vectors', () => {
  const GTIN = '^0112345678901231';
  const GCN = '^2551234567890128';
  const cases: [boolean, string, string][] = [
    [true, '^991234', ''],
    [false, '^99~ABC', ''], // bad CSET 82 character
    [false, '^891234', ''], // no such AI
    [true, '^0112345678901231', ''],
    [false, '^01A2345678901231', ''], // bad numeric character
    [false, '^0112345678901234', ''], // incorrect check digit
    [false, '^011234567890123', ''], // too short
    [true, '^0112345678901231^', ''], // superfluous FNC1 tolerated
    [false, '^011234567890123^', ''], // short, with superfluous FNC1
    [true, '^0112345678901231991234', ''], // fixed length runs into the next AI
    [true, '^242123456', GTIN], // N..6 at its limit
    [false, '^2421234567', GTIN], // too long
    [true, '^81111234', GCN], // N4
    [false, '^8111123', GCN], // too short
    [false, '^811112345', GCN], // too long
    [true, '^800112341234512398^0112345678901231', ''],
    [false, '^80011234123451239^0112345678901231', ''], // too short
    [true, '^7007211225211231', GTIN], // N6 [N6]
    [true, '^7007211225', GTIN], // no optional component
    [false, '^70072112252', GTIN], // incorrect length
    [false, '^70072112252212311', GTIN], // too long
    [true, '^800302112345678900ABC', ''], // N1 N13,csum X0..16
    [false, '^800302112345678901ABC', ''], // bad check digit on the N13 component
    [true, '^800302112345678900', ''], // empty final component
    [true, '^800302112345678900ABCDEFGHIJKLMNOP', ''],
    [false, '^800302112345678900ABCDEFGHIJKLMNOPQ', ''],
    [true, '^7230121234567890123456789012345678', GTIN], // X2 X1..28
    [false, '^72301212345678901234567890123456789', GTIN], // too long
    [false, '^723012', GTIN], // too short
    [true, '^0112345678901231235XYZ', ''], // (01) needs no FNC1 before (235)
    [false, '^4235', GTIN], // N3 [N3]...: whole groups of three only
    [false, '^4235285', GTIN],
    [false, '^4235285285285285285', GTIN], // too long
  ];
  it.each(cases)('%s for %s', (valid, vector, context) => {
    const text = `]C1${(vector + context).slice(1).replaceAll('^', GS)}`;
    const parse = parseElementString(text);
    expect(parse.ok, JSON.stringify(parse.ok ? parse.elements : parse.error)).toBe(valid);
  });
});
