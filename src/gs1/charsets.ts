// GS1 character sets (General Specifications 7.11, figures 7.11-1 to 7.11-3).
import type { Charset } from './ai-table.ts';

const PATTERNS: Record<Charset, RegExp> = {
  N: /^[0-9]*$/,
  // CSET 82: the invariant subset of ISO/IEC 646 that GS1 element strings may carry.
  X: /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/,
  // CSET 39: upper-case letters, digits and # - /, used by AI 8010 (CPID).
  Y: /^[#\-/0-9A-Z]*$/,
  // CSET 64: the file-safe, URI-safe base64 alphabet with `=` padding only at the end (AI 8030).
  Z: /^[A-Za-z0-9\-_]*={0,2}$/,
};

export function fitsCharset(charset: Charset, text: string): boolean {
  return PATTERNS[charset].test(text);
}
