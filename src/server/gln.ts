import { gs1CheckDigit } from '../gs1/index.ts';

// The GLN check itself is src/api/gln.ts, shared with the app; the seed needs only this.

export function withCheckDigit(data12: string): string {
  return data12 + gs1CheckDigit(data12);
}
