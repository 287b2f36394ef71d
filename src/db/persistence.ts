import { db } from './database.ts';

// Ask the browser not to evict our data only once there is something worth keeping: a scan or a
// complaint. Chromium decides without a prompt (from engagement, installation); Firefox may ask,
// and a prompt on the very first visit would make no sense to the shopper.

export async function persistIfWorthIt(): Promise<boolean> {
  const storage = navigator.storage;
  if (!storage?.persist || !storage.persisted) return false;
  try {
    if (await storage.persisted()) return true;
    const [scans, complaints, outbox] = await Promise.all([
      db().scans.count(),
      db().complaints.count(),
      db().outbox.count(),
    ]);
    if (scans + complaints + outbox === 0) return false;
    return await storage.persist();
  } catch {
    return false;
  }
}

/** True when a write failed because the device or the origin's quota is full. */
export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}
