import { aiDefinition, type Component } from '../../gs1/ai-table.ts';
import { buildDigitalLink, checkElement, type Gs1Element } from '../../gs1/index.ts';
import { assembleElementString } from '../../gs1/key-structure.ts';

// Decompresses a compressed GS1 Digital Link URI path segment (GS1 Digital Link standard 1.1,
// section 10, "Compression"), which a GS1-Conformant resolver SHALL be able to do. The segment is
// base64url text standing for a bit string that is a run of element headers and values:
//   - two 4-bit nibbles 0-9 start a plain AI; the AI table tells whether it has 2, 3 or 4 digits
//     (AIs are prefix-free, so the first length with a definition is the AI);
//   - two nibbles forming a hex code in the optimisation table stand for a fixed run of AIs;
//   - a first nibble F starts a non-GS1 key=value pair (a 7-bit key length, 6-bit key characters);
//   - numeric components are binary integers of ceil(n * log2 10) bits, fixed-length ones without
//     a length prefix; alphanumeric ones carry a 3-bit encoding, then a length when variable.
// The result is checked like any request: every value against its AI's format and check digit,
// and the AIs must make one primary key with its qualifiers in a valid sequence.

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789ABCDEF';

// The optimisation codes of the compression standard: a hex pair that is not two decimal digits
// stands for a run of AIs whose values follow one after the other. The values come in the AIs'
// lexicographic order (414 + 254 is written 254 first): that is what GS1's reference toolkit
// writes and reads, so it is what compressed plates in circulation carry.
const OPTIMISED_RUNS: ReadonlyMap<string, readonly string[]> = new Map(
  [
    '0A 01 22',
    '0B 01 10',
    '0C 01 21',
    '0D 01 17',
    '0E 01 7003',
    '0F 01 30',
    '1A 01 10 21 17',
    '1B 01 15',
    '1C 01 11',
    '1D 01 16',
    '1E 01 91',
    '1F 01 10 15',
    '9A 8010 8011',
    '9B 8017 8019',
    '9C 8018 8019',
    '9D 414 254',
    ...[0, 1, 2, 3, 4, 5].map((d) => `2${'ABCDEF'[d]} 01 310${d}`),
    ...[0, 1, 2, 3, 4, 5].map((d) => `3${'ABCDEF'[d]} 01 320${d}`),
    ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `A${d} 01 392${d}`),
    ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `C${d} 255 390${d}`),
    ...[0, 1, 2, 3].map((d) => `C${'ABCD'[d]} 255 394${d}`),
  ].map((row) => {
    const [code, ...ais] = row.split(' ');
    return [code!, ais.sort()];
  }),
);

/** Bits needed to write the numbers 0..max (the width of a length prefix). */
const lengthBits = (max: number) => max.toString(2).length;
/** Bits of an n-digit number written in binary. */
const digitBits = (n: number) => Math.ceil(n * Math.log2(10));

class Bits {
  at = 0;
  constructor(readonly text: string) {}
  get left() {
    return this.text.length - this.at;
  }
  take(n: number): string {
    if (n > this.left) throw new RangeError('truncated');
    const out = this.text.slice(this.at, this.at + n);
    this.at += n;
    return out;
  }
  int(n: number): number {
    return n === 0 ? 0 : Number.parseInt(this.take(n), 2);
  }
  digits(count: number): string {
    const width = digitBits(count);
    const value = width === 0 ? '' : BigInt(`0b${this.take(width)}`).toString();
    if (value.length > count) throw new RangeError('value too long');
    return value.padStart(count, '0');
  }
  /** Characters in one of the five encodings (0 digits, 1 lower hex, 2 upper hex, 3 base64url, 4 ASCII). */
  chars(encoding: number, count: number): string {
    if (encoding === 0) return this.digits(count);
    let out = '';
    for (let i = 0; i < count; i++) {
      if (encoding === 1) out += HEX[this.int(4)]!.toLowerCase();
      else if (encoding === 2) out += HEX[this.int(4)]!;
      else if (encoding === 3) out += BASE64URL[this.int(6)]!;
      else if (encoding === 4) out += String.fromCharCode(this.int(7));
      else throw new RangeError('unknown encoding');
    }
    return out;
  }
}

function readComponent(bits: Bits, c: Component): string {
  const fixed = c.min === c.max && !c.optional;
  if (c.charset === 'N') return bits.digits(fixed ? c.max : bits.int(lengthBits(c.max)));
  const encoding = bits.int(3);
  return bits.chars(encoding, fixed ? c.max : bits.int(lengthBits(c.max)));
}

function readValue(bits: Bits, ai: string): string {
  const definition = aiDefinition(ai);
  if (!definition) throw new RangeError(`unknown AI ${ai}`);
  return definition.components.map((c) => readComponent(bits, c)).join('');
}

function readAi(bits: Bits, first: string): string {
  let ai = first;
  while (!aiDefinition(ai)) {
    if (ai.length >= 4) throw new RangeError('unknown AI');
    const nibble = bits.int(4);
    if (nibble > 9) throw new RangeError('AI digits only');
    ai += String(nibble);
  }
  return ai;
}

export type DecompressedLink = {
  primaryKey: Gs1Element;
  qualifiers: Gs1Element[];
  attributes: Gs1Element[];
  /** Non-GS1 key=value pairs that were compressed along (utm tags and the like). */
  extra: [string, string][];
};

/** The elements of a compressed segment, or null when the segment is not one. */
export function decompressSegment(segment: string): DecompressedLink | null {
  if (!/^[A-Za-z0-9_-]{4,}$/.test(segment)) return null;
  const bits = new Bits(
    [...segment].map((ch) => BASE64URL.indexOf(ch).toString(2).padStart(6, '0')).join(''),
  );
  const elements: Gs1Element[] = [];
  const extra: [string, string][] = [];
  try {
    // Fewer than 9 bits cannot hold another element: what is left is padding to a 6-bit boundary.
    while (bits.left > 8) {
      const h1 = bits.int(4);
      const h2 = bits.int(4);
      if (h1 <= 9 && h2 <= 9) {
        const ai = readAi(bits, `${h1}${h2}`);
        elements.push({ ai, value: readValue(bits, ai) });
      } else if (OPTIMISED_RUNS.has(HEX[h1]! + HEX[h2]!)) {
        for (const ai of OPTIMISED_RUNS.get(HEX[h1]! + HEX[h2]!)!)
          elements.push({ ai, value: readValue(bits, ai) });
      } else if (h1 === 15) {
        const keyLength = (h2 << 3) | bits.int(3);
        const key = bits.chars(3, keyLength);
        const encoding = bits.int(3);
        extra.push([key, bits.chars(encoding, bits.int(7))]);
      } else {
        return null;
      }
    }
    if (/1/.test(bits.take(bits.left))) return null; // padding is zeros
  } catch {
    return null;
  }
  if (elements.some((e) => checkElement(e.ai, e.value) !== null)) return null;
  const assembled = assembleElementString(elements);
  // A compressed link names a key; data with none (valid as an element string) is not a link.
  if (!assembled.ok || !assembled.primaryKey) return null;
  return {
    primaryKey: assembled.primaryKey,
    qualifiers: assembled.qualifiers,
    attributes: assembled.attributes,
    extra,
  };
}

/** The uncompressed GS1 Digital Link URI of a decompressed segment, on `base`. */
export function uncompressedUri(link: DecompressedLink, base: string): string {
  const uri = new URL(buildDigitalLink(link, base));
  for (const [k, v] of link.extra) uri.searchParams.append(k, v);
  return uri.href;
}
