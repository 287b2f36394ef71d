import type { LocationRecord } from '../api/index.ts';
import { db, type PlaceRecord } from './database.ts';

// Cached shop records for offline shop pages. The cache is bounded so that a shopper who scans
// every shop in a bazaar does not fill the phone: only the most recently fetched records stay.

export const MAX_CACHED_PLACES = 500;

export type CachedPlace = { key: string; record: LocationRecord; etag?: string; fetchedAt: number };

/** `gln` or `gln/ext`: a sub-location is cached on its own, as the service answers it apart. */
export function placeKey(gln: string, ext?: string): string {
  return ext ? `${gln}/${ext}` : gln;
}

// Storage may be unavailable (private mode, quota, a blocked upgrade): the shop page must still
// work from the network, so every call here tolerates failure.
async function tolerate<T>(work: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await work();
  } catch {
    return fallback;
  }
}

export function getPlace(key: string): Promise<CachedPlace | undefined> {
  return tolerate(async () => {
    const row = await db().places.get(key);
    return row ? { ...row, record: row.record as LocationRecord } : undefined;
  }, undefined);
}

export function putPlace(entry: CachedPlace): Promise<void> {
  return tolerate(async () => {
    const row: PlaceRecord = { ...entry };
    await db().places.put(row);
    await prunePlaces();
  }, undefined);
}

/** A 304 confirmed the cached copy: it is as fresh as a new fetch. */
export function touchPlace(key: string, fetchedAt: number): Promise<void> {
  return tolerate(async () => {
    await db().places.update(key, { fetchedAt });
  }, undefined);
}

export async function prunePlaces(max = MAX_CACHED_PLACES): Promise<void> {
  const count = await db().places.count();
  if (count <= max) return;
  const stale = await db()
    .places.orderBy('fetchedAt')
    .limit(count - max)
    .primaryKeys();
  await db().places.bulkDelete(stale);
}

/** Scan history shows names: give the shop's name to every earlier scan of its GLN. */
export function rememberPlaceName(gln: string, name: string): Promise<void> {
  return tolerate(async () => {
    await db().scans.where('gln').equals(gln).modify({ name });
  }, undefined);
}
