import { describe, expect, it } from 'vitest';
import { checkGln } from '../../../src/features/place/use-place.ts';

describe('checkGln (before any request)', () => {
  it('accepts a GLN with a valid check digit', () => {
    expect(checkGln('6260000000019')).toEqual({ ok: true, gln: '6260000000019' });
  });
  it('accepts Persian digits typed or pasted into the link', () => {
    expect(checkGln('۶۲۶۰۰۰۰۰۰۰۰۱۹')).toEqual({ ok: true, gln: '6260000000019' });
  });
  it('names the expected check digit when the last digit is wrong', () => {
    expect(checkGln('6260000000018')).toEqual({
      ok: false,
      reason: 'check-digit',
      gln: '6260000000018',
      expected: 9,
      actual: 8,
    });
  });
  it('refuses anything that is not 13 digits', () => {
    expect(checkGln('62600')).toMatchObject({ ok: false, reason: 'shape' });
    expect(checkGln('abc')).toMatchObject({ ok: false, reason: 'shape' });
  });
});
