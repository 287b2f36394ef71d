import type { NearbyResult } from '../api/index.ts';
import { db } from './database.ts';

// The shopper's last "near me" answer, so the list works offline. Only the last one is kept:
// it is about where the shopper was, and an older one is of no use to anybody.

export type CachedNearby = { result: NearbyResult; fetchedAt: number };

const KEY = 'last';

// Storage may be unavailable (private mode, quota): the list must still work from the network.
export async function getLastNearby(): Promise<CachedNearby | undefined> {
  try {
    const row = await db().nearby.get(KEY);
    return row ? { result: row.result as NearbyResult, fetchedAt: row.fetchedAt } : undefined;
  } catch {
    return undefined;
  }
}

export async function putLastNearby(entry: CachedNearby): Promise<void> {
  try {
    await db().nearby.put({ key: KEY, result: entry.result, fetchedAt: entry.fetchedAt });
  } catch {
    // Not saved: the next visit offline has no list, as before.
  }
}
