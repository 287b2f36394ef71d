// GLN checks used at the service's edge. The GS1 mod-10 rule: weights 3,1,3,... from the rightmost
// data digit; the check digit brings the sum to a multiple of 10.
// TODO(gs1): switch to src/gs1/index.ts (isValidGln, gs1CheckDigit) once it lands.

export function gs1CheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(digits.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10;
}

export type GlnCheck = 'ok' | 'bad-format' | 'bad-check-digit';

export function checkGln(s: string): GlnCheck {
  if (!/^\d{13}$/.test(s)) return 'bad-format';
  return gs1CheckDigit(s.slice(0, 12)) === s.charCodeAt(12) - 48 ? 'ok' : 'bad-check-digit';
}

export function withCheckDigit(data12: string): string {
  return data12 + gs1CheckDigit(data12);
}
