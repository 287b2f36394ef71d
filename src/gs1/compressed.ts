// Recognises (does not decompress) a compressed GS1 Digital Link URI: GS1 Digital Link
// Compression (technical standard, 2021), where the whole element string becomes one base64url
// path segment. The binary starts with the first AI written as 4-bit digits; when that AI is a
// fixed-length numeric key its value follows as a binary integer of ceil(n * log2 10) bits, so a
// valid check digit there confirms the guess. Ordinary short links (video ids, shortener codes)
// almost never decode to a known AI followed by a value with a valid check digit.
import { aiDefinition } from './ai-table.ts';
import { hasValidCheckDigit } from './check-digit.ts';
import { isPrimaryKey } from './key-structure.ts';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// Long enough for the shortest compressed key (a GLN: 12 + 44 bits, ten characters).
const MIN_LENGTH = 10;
// Without a checkable key first, accept only longer segments that start with a known AI.
const MIN_LENGTH_UNCHECKED = 16;

function toBits(segment: string): string {
  let bits = '';
  for (const ch of segment) bits += BASE64URL.indexOf(ch).toString(2).padStart(6, '0');
  return bits;
}

function nibbleDigits(bits: string, from: number, count: number): string | null {
  let out = '';
  for (let i = 0; i < count; i++) {
    const nibble = Number.parseInt(bits.slice(from + 4 * i, from + 4 * i + 4), 2);
    if (!(nibble <= 9)) return null;
    out += String(nibble);
  }
  return out;
}

export function looksCompressed(segment: string): boolean {
  if (segment.length < MIN_LENGTH || !/^[A-Za-z0-9\-_]+$/.test(segment)) return false;
  const bits = toBits(segment);
  for (let length = 2; length <= 4; length++) {
    const ai = nibbleDigits(bits, 0, length);
    if (ai === null) return false;
    const definition = aiDefinition(ai);
    if (!definition) continue;
    const first = definition.components[0];
    if (isPrimaryKey(ai) && first?.charset === 'N' && first.rules.includes('csum')) {
      const width = Math.ceil(first.max * Math.log2(10));
      const start = 4 * length;
      if (bits.length < start + width) return false;
      const digits = BigInt(`0b${bits.slice(start, start + width)}`)
        .toString()
        .padStart(first.max, '0');
      return digits.length === first.max && hasValidCheckDigit(digits);
    }
    return segment.length >= MIN_LENGTH_UNCHECKED;
  }
  return false;
}
