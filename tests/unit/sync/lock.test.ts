import { describe, expect, it } from 'vitest';
import { withExclusiveLock } from '../../../src/sync/lock.ts';

describe('one flush at a time', () => {
  it('skips a second flush while the first is running, and allows one after', async () => {
    let release!: () => void;
    const first = withExclusiveLock('outbox', () => new Promise<string>((r) => (release = () => r('first'))));
    expect(await withExclusiveLock('outbox', async () => 'second')).toBeUndefined();
    release();
    expect(await first).toBe('first');
    expect(await withExclusiveLock('outbox', async () => 'third')).toBe('third');
  });

  it('uses the Web Locks API where there is one, without waiting for a held lock', async () => {
    const asked: unknown[] = [];
    const locks = {
      request: (_name: string, opts: unknown, cb: (lock: unknown) => Promise<unknown>) => {
        asked.push(opts);
        return cb(null); // another tab holds it
      },
    };
    const nav = globalThis.navigator;
    Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true });
    try {
      expect(await withExclusiveLock('outbox', async () => 'ran')).toBeUndefined();
      expect(asked).toEqual([{ ifAvailable: true }]);
    } finally {
      Object.defineProperty(globalThis, 'navigator', { value: nav, configurable: true });
    }
  });
});
