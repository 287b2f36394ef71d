import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildDigitalLink,
  checkElement,
  classify,
  formatElementString,
  type Gs1Element,
  gs1CheckDigit,
  isValidGln,
  normaliseTypedGln,
  parseDigitalLink,
  parseElementString,
} from '../../../src/gs1/index.ts';

const CSET82 = [...'!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'];
const cset82 = (max: number) => fc.string({ unit: fc.constantFrom(...CSET82), minLength: 1, maxLength: max });
const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const withCheckDigit = (n: number) => digits(n - 1).map((d) => `${d}${gs1CheckDigit(d)}`);
const date = fc
  .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map((parts) => parts.map((p) => String(p).padStart(2, '0')).join(''));

type Plate = { key: Gs1Element; qualifiers: Gs1Element[]; attributes: Gs1Element[] };

const el = (ai: string) => (value: string) => ({ ai, value });

const glnPlate: fc.Arbitrary<Plate> = fc.record({
  key: withCheckDigit(13).map(el('414')),
  qualifiers: fc.oneof(
    fc.constant<Gs1Element[]>([]),
    cset82(20).map((v) => [el('254')(v)]),
    fc.tuple(digits(1), fc.constantFrom(...'ABC123')).map(([a, b]) => [el('7040')(`${a}${b}${b}${b}`)]),
  ),
  attributes: fc
    // Attributes with no requisite (Syntax Dictionary: 90 and 91 have no req=); 7240 would need a GTIN.
    .subarray([el('90')('Note'), el('91')('P1')])
    .chain((fixed) =>
      fc.option(cset82(30).map(el('90')), { nil: undefined }).map((extra) => (extra ? [extra] : fixed)),
    ),
});

const gtinItem: fc.Arbitrary<Plate> = fc.record({
  key: withCheckDigit(14).map(el('01')),
  qualifiers: fc
    .tuple(
      fc.option(cset82(20).map(el('22'))),
      fc.option(cset82(20).map(el('10'))),
      fc.option(cset82(20).map(el('21'))),
    )
    .map((qs) => qs.filter((q): q is Gs1Element => q !== null)),
  attributes: fc
    .tuple(
      fc.option(date.map(el('17'))),
      fc.option(digits(6).map(el('3103'))),
      fc.option(cset82(20).map(el('7240'))),
    )
    .map((as) => as.filter((a): a is Gs1Element => a !== null)),
});

const base = fc.tuple(
  fc.constantFrom('https', 'http', 'HTTPS', 'HTTP'),
  fc.domain(),
  fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 3 }),
);

describe('round trips', () => {
  // Generated from the rules the example tests cite: keys with 7.9.1 check digits, values in their
  // AI's format (General Specifications section 3), URIs per URI Syntax 1.6, 4.4-4.7, element
  // strings per General Specifications 7.8.5; what is written must be read back unchanged.
  it('gives back every element of a Digital Link URI built from valid elements', () => {
    fc.assert(
      fc.property(fc.oneof(glnPlate, gtinItem), base, (plate, [scheme, host, prefix]) => {
        const uri = buildDigitalLink(
          { primaryKey: plate.key, qualifiers: plate.qualifiers, attributes: plate.attributes },
          `${scheme}://${host}${prefix.map((p) => `/${p}`).join('')}`,
        );
        const parse = parseDigitalLink(uri);
        expect(parse.ok, uri).toBe(true);
        if (!parse.ok) return;
        expect(parse.primaryKey).toEqual(plate.key);
        expect(parse.qualifiers).toEqual(plate.qualifiers);
        expect(parse.attributes).toEqual(plate.attributes);
        expect(parse.uri?.domain).toBe(host.toLowerCase());
      }),
    );
  });

  it('gives back every element of a raw or bracketed element string built from valid elements', () => {
    fc.assert(
      fc.property(
        fc.oneof(glnPlate, gtinItem),
        fc.constantFrom('raw', 'bracketed' as const),
        (plate, form) => {
          const elements = [plate.key, ...plate.qualifiers, ...plate.attributes];
          const text = formatElementString(elements, form as 'raw' | 'bracketed');
          const parse = parseElementString(form === 'raw' ? `]Q3${text}` : text);
          expect(parse.ok, JSON.stringify(text)).toBe(true);
          if (parse.ok) expect(parse.elements).toEqual(elements);
        },
      ),
    );
  });

  it('classifies every valid plate, in every form, as that gs1-location', () => {
    fc.assert(
      fc.property(glnPlate, (plate) => {
        const elements = [plate.key, ...plate.qualifiers, ...plate.attributes];
        const forms = [
          buildDigitalLink({
            primaryKey: plate.key,
            qualifiers: plate.qualifiers,
            attributes: plate.attributes,
          }),
          `]Q3${formatElementString(elements, 'raw')}`,
          formatElementString(elements, 'raw'),
          formatElementString(elements, 'bracketed'),
        ];
        for (const text of forms) {
          expect(classify(text), JSON.stringify(text)).toMatchObject({
            kind: 'gs1-location',
            gln: plate.key.value,
          });
        }
      }),
    );
  });

  it('classifies every valid GTIN item, in every form, as that product with its lot and expiry', () => {
    fc.assert(
      fc.property(gtinItem, (item) => {
        const elements = [item.key, ...item.qualifiers, ...item.attributes];
        const forms = [
          buildDigitalLink({
            primaryKey: item.key,
            qualifiers: item.qualifiers,
            attributes: item.attributes,
          }),
          `]d2${formatElementString(elements, 'raw')}`,
          `]C1${formatElementString(elements, 'raw')}`,
          formatElementString(elements, 'bracketed'),
        ];
        const lot = item.qualifiers.find((q) => q.ai === '10')?.value;
        const expiry = item.attributes.find((a) => a.ai === '17')?.value;
        for (const text of forms) {
          const kind = classify(text);
          expect(kind, JSON.stringify(text)).toMatchObject({ kind: 'gs1-product', gtin: item.key.value });
          if (kind.kind !== 'gs1-product') continue;
          expect(kind.lot).toBe(lot);
          expect(kind.expiry).toBe(expiry);
        }
      }),
    );
  });

  it('validates any GLN typed with Persian digits and separators', () => {
    fc.assert(
      fc.property(withCheckDigit(13), (gln) => {
        const persian = [...gln].map((d) => String.fromCharCode(0x06f0 + Number(d))).join('\u200c');
        expect(isValidGln(normaliseTypedGln(persian))).toBe(true);
      }),
    );
  });
});

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc
    .tuple(
      fc.constantFrom(
        '',
        ']Q3',
        ']Q1',
        ']d2',
        ']C1',
        ']E0',
        '(',
        '(414)',
        'https://x.ir/',
        'HtTp://',
        'javascript:',
      ),
      fc.string({ unit: fc.constantFrom(...'0123456789/?&=%()+\u001d#:@[]AaZz~ ۱'), maxLength: 60 }),
    )
    .map(([a, b]) => a + b),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
);

describe('robustness', () => {
  // Not GS1: a scan is untrusted input, so no export throws (STYLE.md, errors are values) and no
  // scheme but http(s) is ever called safe (DESIGN.md, no surprise navigation).
  it('never throws from any export, whatever the input', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        classify(text);
        parseDigitalLink(text);
        parseElementString(text);
        gs1CheckDigit(text);
        isValidGln(text);
        normaliseTypedGln(text);
        checkElement('254', text);
        buildDigitalLink({ primaryKey: { ai: '414', value: text } });
        formatElementString([{ ai: '10', value: text }], 'raw');
      }),
      { numRuns: 2000 },
    );
  });

  it('never returns a safe url whose scheme is not http or https', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const kind = classify(text);
        if (kind.kind === 'url' && kind.safe) expect(['http', 'https']).toContain(kind.scheme);
      }),
      { numRuns: 2000 },
    );
  });
});
