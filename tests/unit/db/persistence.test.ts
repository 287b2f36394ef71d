import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/database.ts';
import { isQuotaError, persistIfWorthIt } from '../../../src/db/persistence.ts';

const persist = vi.fn(async () => true);

beforeEach(async () => {
  persist.mockClear();
  vi.stubGlobal('navigator', { storage: { persist, persisted: async () => false } });
  await db().scans.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe('persistent storage', () => {
  it('is not asked for before the shopper has anything worth keeping', async () => {
    expect(await persistIfWorthIt()).toBe(false);
    expect(persist).not.toHaveBeenCalled();
  });

  it('is asked for once a scan is stored', async () => {
    await db().scans.add({
      raw: 'x',
      kind: 'text',
      classification: { kind: 'text', text: 'x' },
      at: 1,
      search: 'x',
    });
    expect(await persistIfWorthIt()).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });

  it('recognises a full quota, also when Dexie wraps the browser error', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });
});
