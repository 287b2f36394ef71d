import { gs1CheckDigit, normaliseTypedGln } from '../../gs1/index.ts';

// The typed path: a person copying the 13 digits printed under the plate's QR. Persian and
// Arabic-Indic digits, spaces, dashes and ZWNJ are normalised by the GS1 core; this module turns
// that into the state the form shows while they type.

export const GLN_LENGTH = 13;

export type TypedGln =
  | { state: 'empty' }
  | { state: 'partial'; digits: string }
  | { state: 'not-digits'; digits: string }
  | { state: 'too-long'; digits: string }
  | { state: 'bad-check'; digits: string; expected: number }
  | { state: 'ok'; gln: string };

export function readTypedGln(input: string): TypedGln {
  const digits = normaliseTypedGln(input);
  if (digits === '') return { state: 'empty' };
  if (!/^\d+$/.test(digits)) return { state: 'not-digits', digits };
  if (digits.length < GLN_LENGTH) return { state: 'partial', digits };
  if (digits.length > GLN_LENGTH) return { state: 'too-long', digits };
  const expected = gs1CheckDigit(digits.slice(0, -1));
  if (expected !== Number(digits.slice(-1))) return { state: 'bad-check', digits, expected };
  return { state: 'ok', gln: digits };
}
