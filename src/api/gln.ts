import { gs1CheckDigit, isValidGln, normaliseTypedGln } from '../gs1/check-digit.ts';

// The one GLN check, for the service's edge and the app alike. The format and the check digit
// are told apart: a typo and a misread digit need different advice. Each outcome's words are
// `validation:gln.{code}` in locales/*/validation.json, on both sides.

export type GlnProblem = 'bad-gln' | 'bad-check-digit';

export type GlnCheck =
  | { ok: true; gln: string }
  | { ok: false; code: 'bad-gln'; gln: string }
  | { ok: false; code: 'bad-check-digit'; gln: string; expected: number; actual: number };

/**
 * Checks a GLN. Persian and Arabic-Indic digits, spaces and bidi marks (a number typed or pasted
 * from Persian text) are normalised first when `typed` is set; the wire takes digits as they are.
 */
export function checkGln(raw: string, opts: { typed?: boolean } = {}): GlnCheck {
  const gln = opts.typed ? normaliseTypedGln(raw) : raw;
  if (!/^\d{13}$/.test(gln)) return { ok: false, code: 'bad-gln', gln: raw };
  if (isValidGln(gln)) return { ok: true, gln };
  return {
    ok: false,
    code: 'bad-check-digit',
    gln,
    expected: gs1CheckDigit(gln.slice(0, 12)),
    actual: Number(gln[12]),
  };
}

export const glnProblemKey = (code: GlnProblem) => `validation:gln.${code}`;
