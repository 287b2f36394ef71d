import type { Linkset, LocationRecord } from '../api/index.ts';
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
    // A row holding only a linkset has no record to show.
    return row?.record
      ? { key: row.key, record: row.record as LocationRecord, etag: row.etag, fetchedAt: row.fetchedAt }
      : undefined;
  }, undefined);
}

export function putPlace(entry: CachedPlace): Promise<void> {
  return tolerate(async () => {
    const old = await db().places.get(entry.key);
    // The linkset saved beside the record stays with it.
    const row: PlaceRecord = { linkset: old?.linkset, linksetFetchedAt: old?.linksetFetchedAt, ...entry };
    await db().places.put(row);
    await prunePlaces();
  }, undefined);
}

export type CachedLinkset = { key: string; linkset: Linkset; fetchedAt: number };

/** The linkset saved for a key, with the time the resolver answered it. */
export function getLinkset(key: string): Promise<CachedLinkset | undefined> {
  return tolerate(async () => {
    const row = await db().places.get(key);
    if (!row?.linkset || row.linksetFetchedAt === undefined) return undefined;
    return { key, linkset: row.linkset as Linkset, fetchedAt: row.linksetFetchedAt };
  }, undefined);
}

/** Saves the resolver's linkset beside the key's record (or alone, for a place known only by it). */
export function putLinkset(entry: CachedLinkset): Promise<void> {
  return tolerate(async () => {
    const old = await db().places.get(entry.key);
    const row: PlaceRecord = old
      ? { ...old, linkset: entry.linkset, linksetFetchedAt: entry.fetchedAt }
      : {
          key: entry.key,
          record: null,
          fetchedAt: entry.fetchedAt,
          linkset: entry.linkset,
          linksetFetchedAt: entry.fetchedAt,
        };
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
