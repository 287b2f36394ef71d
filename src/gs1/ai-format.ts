// Checks one AI value against its format in the AI table: length of each component, character
// set, check digit and the content rules (the Syntax Dictionary's "linters") it names. Rules the
// table names but this module leaves unchecked (ISO country and currency codes, IBAN, package
// and media type code lists, coupon structures) only narrow what a valid code may carry; they
// never make a malformed value pass.
import { type AiDefinition, aiDefinition, type Component } from './ai-table.ts';
import { fitsCharset } from './charsets.ts';
import { hasValidCheckDigit } from './check-digit.ts';
import { gs1Error } from './messages.ts';
import type { Gs1Error, Gs1ErrorCode } from './types.ts';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(month: number, day: number, dayMayBeZero: boolean): boolean {
  if (month < 1 || month > 12) return false;
  if (day === 0) return dayMayBeZero;
  return day <= (DAYS_IN_MONTH[month - 1] ?? 0);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

// General Specifications, "GS1 Company Prefix": the shortest GCP is four digits, so a key that
// starts with one begins with at least four digits (Syntax Dictionary linters gcppos1/gcppos2).
const GCP_MIN_LENGTH = 4;
function gcpAt(v: string, from: number): Gs1ErrorCode | null {
  if (v.length < from + GCP_MIN_LENGTH) return 'bad-length';
  return /^\d+$/.test(v.slice(from, from + GCP_MIN_LENGTH)) ? null : 'bad-value';
}

// General Specifications, "Check character calculation (for alphanumeric keys)": the check pair of
// GMN and MUDI. Each character's CSET 82 position is weighted by the primes 2, 3, 5... from the
// right; the sum modulo 1021 is written as two CSET 32 characters.
const CSET82 = '!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
const CSET32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83];
function checkPair(v: string): Gs1ErrorCode | null {
  if (v.length < 3) return 'bad-length';
  const data = v.slice(0, -2);
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    sum += CSET82.indexOf(data[data.length - 1 - i] ?? '') * (PRIMES[i] ?? 0);
  }
  sum %= 1021;
  const pair = `${CSET32[Math.floor(sum / 32)]}${CSET32[sum % 32]}`;
  return pair === v.slice(-2) ? null : 'bad-check-digit';
}

// Position in a sequence, `n/m` (AI 7258): no leading zero, and n no greater than m.
function positionInSequence(v: string): boolean {
  const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(v);
  return match !== null && Number(match[1]) <= Number(match[2]);
}

// Piece of total, `ppTT` (ITIP 8006, 8026): neither zero, the piece no greater than the total.
function pieceOfTotal(v: string): boolean {
  const half = v.length / 2;
  const piece = Number(v.slice(0, half));
  const total = Number(v.slice(half));
  return Number.isInteger(half) && piece > 0 && total > 0 && piece <= total;
}

const valid = (ok: boolean): Gs1ErrorCode | null => (ok ? null : 'bad-value');

/** Content rules by their Syntax Dictionary name; null when the value passes. */
const RULES: Record<string, (v: string) => Gs1ErrorCode | null> = {
  csum: (v) => (hasValidCheckDigit(v) ? null : 'bad-check-digit'),
  csumalpha: checkPair,
  gcppos1: (v) => gcpAt(v, 0),
  gcppos2: (v) => gcpAt(v, 1),
  zero: (v) => valid(v === '0'),
  // General Specifications 7.12: YYMMDD, where DD may be 00 for "end of month" in some AIs.
  yymmd0: (v) => valid(validDate(Number(v.slice(2, 4)), Number(v.slice(4, 6)), true)),
  yymmdd: (v) => valid(validDate(Number(v.slice(2, 4)), Number(v.slice(4, 6)), false)),
  yyyymmdd: (v) => {
    const [year, month, day] = [Number(v.slice(0, 4)), Number(v.slice(4, 6)), Number(v.slice(6, 8))];
    return valid(!(month === 2 && day === 29 && !isLeap(year)) && validDate(month, day, false));
  },
  hhmi: (v) => valid(Number(v.slice(0, 2)) <= 23 && Number(v.slice(2, 4)) <= 59),
  hh: (v) => valid(Number(v) <= 23),
  mi: (v) => valid(Number(v) <= 59),
  ss: (v) => valid(Number(v) <= 59),
  nozeroprefix: (v) => valid(v === '0' || !v.startsWith('0')),
  nonzero: (v) => valid(/[1-9]/.test(v)),
  hasnondigit: (v) => valid(/\D/.test(v)),
  yesno: (v) => valid(v === '0' || v === '1'),
  hyphen: (v) => valid(v === '-'),
  // Winding direction of a roll (AI 8001): 0 face out, 1 face in, 9 undefined.
  winding: (v) => valid(v === '0' || v === '1' || v === '9'),
  // ISO/IEC 5218 sex codes (AI 7252): 0, 1, 2, 9.
  iso5218: (v) => valid(/^[0129]$/.test(v)),
  // EU 2018/574 importer index (AI 7040): one character of 0-9, A-Z, a-z, `-` or `_`.
  importeridx: (v) => valid(/^[-0-9A-Z_a-z]$/.test(v)),
  pieceoftotal: (v) => valid(pieceOfTotal(v)),
  posinseqslash: (v) => valid(positionInSequence(v)),
  // AI 4309: latitude and longitude as offsets of 90 and 180 degrees, in 10^-7 degree.
  latitude: (v) => valid(Number(v) <= 1_800_000_000),
  longitude: (v) => valid(Number(v) <= 3_600_000_000),
  // Values of the pcenc AIs (names, addresses) carry their own percent-encoding (GenSpecs 3.8.25).
  pcenc: (v) => valid(!/%(?![0-9A-Fa-f]{2})/.test(v)),
};

function checkComponent(ai: string, component: Component, part: string): Gs1Error | null {
  if (!fitsCharset(component.charset, part)) return gs1Error('bad-character', ai);
  for (const rule of component.rules) {
    const code = RULES[rule]?.(part);
    if (code) return gs1Error(code, ai);
  }
  return null;
}

/** Validates `value` against the format of `definition`; null when it fits. */
export function checkAgainstFormat(definition: AiDefinition, value: string): Gs1Error | null {
  const { ai } = definition;
  if (value.length === 0) return gs1Error('empty-value', ai);
  // Length before content, so that one digit too many reads as a length error, not a check digit.
  const shortest = definition.components.reduce((n, c) => n + (c.optional ? 0 : c.min), 0);
  const longest = definition.components.reduce((n, c) => n + c.max, 0);
  if (value.length < shortest || value.length > longest) return gs1Error('bad-length', ai);
  let pos = 0;
  for (const component of definition.components) {
    const remaining = value.length - pos;
    if (remaining === 0 && component.optional) break;
    let take: number;
    if (component.min === component.max) {
      if (remaining < component.max) return gs1Error('bad-length', ai);
      take = component.max;
    } else {
      // Variable-length components are always the last one of a format.
      if (remaining > component.max || remaining < component.min) return gs1Error('bad-length', ai);
      take = remaining;
    }
    const error = checkComponent(ai, component, value.slice(pos, pos + take));
    if (error) return error;
    pos += take;
  }
  return pos === value.length ? null : gs1Error('bad-length', ai);
}

/** Validates an AI and its value; `unknown-ai` when the AI is not in the table. */
export function checkElement(ai: string, value: string): Gs1Error | null {
  const definition = aiDefinition(ai);
  if (!definition) return gs1Error('unknown-ai', ai);
  return checkAgainstFormat(definition, value);
}
