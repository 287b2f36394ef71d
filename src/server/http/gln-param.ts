import type { Context } from 'hono';
import { checkGln, type GlnProblem, glnProblemKey } from '../../api/index.ts';
import { checkElement } from '../../gs1/index.ts';
import { fail } from './errors.ts';

/** What is wrong with a GLN (its code and locale key), or null when it is well formed. */
export function glnError(gln: string): { code: GlnProblem; message: string } | null {
  const check = checkGln(gln);
  return check.ok ? null : { code: check.code, message: glnProblemKey(check.code) };
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
