import type { Context } from 'hono';
import { checkGln } from '../gln.ts';
import { fail, MESSAGES } from './errors.ts';

/** A 400 for a malformed GLN or a wrong check digit, or null when the GLN is well formed. */
export function rejectBadGln(c: Context, gln: string): Response | null {
  const check = checkGln(gln);
  if (check === 'bad-format') return fail(c, 400, 'bad-gln', MESSAGES.badGln);
  if (check === 'bad-check-digit') return fail(c, 400, 'bad-check-digit', MESSAGES.badCheckDigit);
  return null;
}

/** AI 254 values are 1 to 20 characters of GS1 CSET 82. */
export function isValidExtension(ext: string): boolean {
  return /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/.test(ext);
}
