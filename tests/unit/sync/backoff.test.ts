import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, retryDelay } from '../../../src/sync/backoff.ts';

describe('retry schedule', () => {
  it('doubles the step after each failure', () => {
    const mid = () => 0.5;
    const delays = [1, 2, 3, 4, 5].map((n) => retryDelay(n, mid));
    expect(delays).toEqual([3750, 7500, 15000, 30000, 60000]);
  });

  it('keeps at least half the step so a retry is never immediate', () => {
    for (const n of [1, 3, 8]) {
      const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (n - 1));
      expect(retryDelay(n, () => 0)).toBe(step / 2);
      expect(retryDelay(n, () => 1)).toBe(step);
    }
  });

  it('spreads clients that failed together (jitter)', () => {
    const seen = new Set(Array.from({ length: 20 }, (_, i) => retryDelay(4, () => i / 20)));
    expect(seen.size).toBe(20);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(retryDelay(50, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(retryDelay(1000, () => 0.3)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
  });

  it('honours a Retry-After hint as a floor', () => {
    expect(retryDelay(1, () => 0, 120)).toBe(120_000);
    expect(retryDelay(10, () => 1, 1)).toBe(retryDelay(10, () => 1));
  });

  it('treats nonsense attempt counts as the first failure', () => {
    expect(retryDelay(0, () => 0)).toBe(BACKOFF_BASE_MS / 2);
    expect(retryDelay(-3, () => 0)).toBe(BACKOFF_BASE_MS / 2);
  });
});
