import type { ProductRecord } from '../api/index.ts';
import { db, type ProductCacheRecord } from './database.ts';

// Saved product records for offline product pages, bounded like the shop records: only the most
// recently fetched stay.

export const MAX_CACHED_PRODUCTS = 500;

export type CachedProduct = { gtin: string; record: ProductRecord; etag?: string; fetchedAt: number };

// Storage may be unavailable (private mode, quota, a blocked upgrade): the product page must
// still work from the network, so every call here tolerates failure.
async function tolerate<T>(work: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await work();
  } catch {
    return fallback;
  }
}

export function getProduct(gtin: string): Promise<CachedProduct | undefined> {
  return tolerate(async () => {
    const row = await db().products.get(gtin);
    return row ? { ...row, record: row.record as ProductRecord } : undefined;
  }, undefined);
}

export function putProduct(entry: CachedProduct): Promise<void> {
  return tolerate(async () => {
    const row: ProductCacheRecord = { ...entry };
    await db().products.put(row);
    await pruneProducts();
  }, undefined);
}

/** A 304 confirmed the saved copy: it is as fresh as a new fetch. */
export function touchProduct(gtin: string, fetchedAt: number): Promise<void> {
  return tolerate(async () => {
    await db().products.update(gtin, { fetchedAt });
  }, undefined);
}

export async function pruneProducts(max = MAX_CACHED_PRODUCTS): Promise<void> {
  const count = await db().products.count();
  if (count <= max) return;
  const stale = await db()
    .products.orderBy('fetchedAt')
    .limit(count - max)
    .primaryKeys();
  await db().products.bulkDelete(stale);
}

/** GTIN -> { name, brand } from saved product records, to name and search scans offline. */
export async function knownProducts(): Promise<Map<string, { name: string; brand: string }>> {
  const out = new Map<string, { name: string; brand: string }>();
  await tolerate(
    () =>
      db().products.each((p) => {
        const rec = p.record as Partial<ProductRecord> | undefined;
        if (rec?.name) out.set(p.gtin, { name: rec.name, brand: rec.brand ?? '' });
      }),
    undefined,
  );
  return out;
}
