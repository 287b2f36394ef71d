import { type ApiClient, BAD_RESPONSE, type Failure } from '../../api/client.ts';
import { adviceFor } from '../../api/failure.ts';
import type { ProductRecord } from '../../api/index.ts';
import { getProduct, putProduct, touchProduct } from '../../db/products.ts';

// Network first, then the saved copy, like the shop page: a product page is opened in the aisle,
// often on a weak connection, and the client's short timeout bounds the wait.

export type ProductLoad =
  | {
      kind: 'loaded';
      record: ProductRecord;
      /** When this copy was fetched or confirmed (epoch ms). */
      fetchedAt: number;
      /** True when the network failed and this is the saved copy; `failure` says why. */
      fromCache: boolean;
      failure?: Failure;
    }
  | { kind: 'failed'; failure: Failure };

export type LoadDeps = { client: ApiClient; now?: () => number };

export async function loadProduct(gtin: string, deps: LoadDeps, revalidate = true): Promise<ProductLoad> {
  const now = deps.now ?? Date.now;
  const cached = await getProduct(gtin);
  const etag = revalidate ? cached?.etag : undefined;
  const result = await deps.client.getProduct(gtin, { etag });
  const loaded = { kind: 'loaded', fromCache: false } as const;

  if (result.status === 'ok') {
    // A 200 carrying the very ETag we sent came from a cache on the way: show it as our copy.
    if (cached && etag && result.etag === etag)
      return { ...loaded, record: cached.record, fetchedAt: cached.fetchedAt, fromCache: true };
    const fetchedAt = now();
    await putProduct({ gtin, record: result.record, etag: result.etag, fetchedAt });
    return { ...loaded, record: result.record, fetchedAt };
  }
  if (result.status === 'not-modified') {
    if (!cached || !etag)
      return revalidate ? loadProduct(gtin, deps, false) : { kind: 'failed', failure: BAD_304 };
    const fetchedAt = now();
    await touchProduct(gtin, fetchedAt);
    return { ...loaded, record: cached.record, fetchedAt };
  }
  // Only a passing fault lets the saved copy stand in (the one classification, src/api/failure.ts):
  // a 404 or 400 is the service's word about the GTIN itself, which an old copy must not hide.
  if (cached && adviceFor(result, { cached: true }) === 'use-cache')
    return {
      ...loaded,
      record: cached.record,
      fetchedAt: cached.fetchedAt,
      fromCache: true,
      failure: result,
    };
  return { kind: 'failed', failure: result };
}

const BAD_304: Failure = { status: 'server-error', httpStatus: 304, errors: BAD_RESPONSE };
