import { gs1CheckDigit, isValidGln } from '../gs1/index.ts';

// GLN checks at the service's edge, on the shared GS1 core. The format and the check digit are
// told apart because they get different Persian messages (a typo vs. a misread digit).

export type GlnCheck = 'ok' | 'bad-format' | 'bad-check-digit';

export function checkGln(s: string): GlnCheck {
  if (!/^\d{13}$/.test(s)) return 'bad-format';
  return isValidGln(s) ? 'ok' : 'bad-check-digit';
}

export function withCheckDigit(data12: string): string {
  return data12 + gs1CheckDigit(data12);
}
