// Checks one AI value against its format in the AI table: length of each component, character
// set, check digit and the content rules the GS1 Barcode Syntax Dictionary names (dates, times).
// Rules the table names but this module leaves unchecked (country and currency codes, GMN and
// IBAN check characters, GCP length) only narrow what a valid plate may carry; they never make a
// malformed value pass.
import { type AiDefinition, aiDefinition, type Component } from './ai-table.ts';
import { fitsCharset } from './charsets.ts';
import { hasValidCheckDigit } from './check-digit.ts';
import { gs1Error } from './messages.ts';
import type { Gs1Error } from './types.ts';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(month: number, day: number, dayMayBeZero: boolean): boolean {
  if (month < 1 || month > 12) return false;
  if (day === 0) return dayMayBeZero;
  return day <= (DAYS_IN_MONTH[month - 1] ?? 0);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const RULES: Record<string, (v: string) => boolean> = {
  csum: hasValidCheckDigit,
  zero: (v) => v === '0',
  // General Specifications 7.12: YYMMDD, where DD may be 00 for "end of month" in some AIs.
  yymmd0: (v) => validDate(Number(v.slice(2, 4)), Number(v.slice(4, 6)), true),
  yymmdd: (v) => validDate(Number(v.slice(2, 4)), Number(v.slice(4, 6)), false),
  yyyymmdd: (v) => {
    const [year, month, day] = [Number(v.slice(0, 4)), Number(v.slice(4, 6)), Number(v.slice(6, 8))];
    if (month === 2 && day === 29 && !isLeap(year)) return false;
    return validDate(month, day, false);
  },
  hhmi: (v) => Number(v.slice(0, 2)) <= 23 && Number(v.slice(2, 4)) <= 59,
  hh: (v) => Number(v) <= 23,
  mi: (v) => Number(v) <= 59,
  ss: (v) => Number(v) <= 59,
  nozeroprefix: (v) => v === '0' || !v.startsWith('0'),
  // Values of the pcenc AIs (names, addresses) carry their own percent-encoding (GenSpecs 3.8.25).
  pcenc: (v) => !/%(?![0-9A-Fa-f]{2})/.test(v),
};

function checkComponent(ai: string, component: Component, part: string): Gs1Error | null {
  if (!fitsCharset(component.charset, part)) return gs1Error('bad-character', ai);
  for (const rule of component.rules) {
    const check = RULES[rule];
    if (check && !check(part)) return gs1Error(rule === 'csum' ? 'bad-check-digit' : 'bad-value', ai);
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
