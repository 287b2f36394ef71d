import type { Context } from 'hono';
import { checkElement } from '../../gs1/index.ts';
import { checkGln } from '../gln.ts';
import { fail, MESSAGES } from './errors.ts';

/** What is wrong with a GLN (code and Persian message), or null when it is well formed. */
export function glnError(gln: string): { code: 'bad-gln' | 'bad-check-digit'; message: string } | null {
  const check = checkGln(gln);
  if (check === 'bad-format') return { code: 'bad-gln', message: MESSAGES.badGln };
  if (check === 'bad-check-digit') return { code: 'bad-check-digit', message: MESSAGES.badCheckDigit };
  return null;
}

/** A 400 for a malformed GLN or a wrong check digit, or null when the GLN is well formed. */
export function rejectBadGln(c: Context, gln: string): Response | null {
  const e = glnError(gln);
  return e ? fail(c, 400, e.code, e.message) : null;
}

/** An AI 254 value by the GS1 core's own rules (CSET 82, 1 to 20 characters). */
export function isValidExtension(ext: string): boolean {
  return checkElement('254', ext) === null;
}
