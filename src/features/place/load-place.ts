import { type ApiClient, BAD_RESPONSE, type Failure, type LocationResult } from '../../api/client.ts';
import { adviceFor } from '../../api/failure.ts';
import type { LocationRecord } from '../../api/index.ts';
import type { LinksetSummary } from './linkset-summary.ts';

// Network first, then the cache. A shop page is opened standing in a shop, often on a weak
// connection: the lookup's short deadline (CALL_TIMEOUT_MS.lookup) bounds the wait before the cached copy is shown.

export type PlaceLoad =
  | {
      kind: 'loaded';
      record: LocationRecord;
      /** When this copy was fetched or confirmed (epoch ms). */
      fetchedAt: number;
      /** True when the network failed and this is the cached copy; `failure` says why. */
      fromCache: boolean;
      failure?: Failure;
      /** An extension was asked for but the service knows none by that name: this is the main GLN. */
      extFellBack: boolean;
    }
  | {
      /** The resolver is not ours, or its registry entry is not our record: what its linkset offers. */
      kind: 'linkset';
      gln: string;
      links: LinksetSummary;
      fetchedAt: number;
      fromCache: boolean;
      failure?: Failure;
    }
  | { kind: 'failed'; failure: Failure };

/** `resolver`: a GS1 resolver other than the service itself (resolverApi()); asked first when set. */
/**
 * `early`: an answer to this very request already under way (early-record.ts), taken once, in place
 * of asking the service again.
 */
export type LoadDeps = {
  client: ApiClient;
  resolver?: ApiClient;
  now?: () => number;
  early?: (gln: string, ext: string | undefined) => Promise<LocationResult> | undefined;
  /** What the early answer's offline copy waits for: the page's paint of it (early-record.ts). */
  saveEarlyAfter?: Promise<unknown>;
};

/**
 * The shop page's load: through the configured resolver's linkset when it is not the service
 * itself (its code is fetched only then: most installs never need it), the record API otherwise.
 */
export async function resolvePlace(gln: string, ext: string | undefined, deps: LoadDeps): Promise<PlaceLoad> {
  if (!deps.resolver) return loadPlace(gln, ext, deps);
  const { loadThroughResolver } = await import('./load-linkset.ts');
  return loadThroughResolver(gln, ext, { ...deps, resolver: deps.resolver });
}

export const LOADED = { kind: 'loaded', fromCache: false, extFellBack: false } as const;

// IndexedDB (Dexie) is fetched and started only when the page first reads or writes its copy, so
// it is not on the way to the page's first paint.
export const places = () => import('../../db/places.ts');

export async function loadPlace(gln: string, ext: string | undefined, deps: LoadDeps): Promise<PlaceLoad> {
  const first = await loadKey(gln, ext, deps);
  // The resolver walks an unknown /254/{ext} up to its GLN; the record API may instead answer
  // 404 or `bad-extension`. Either way the shopper should still see the main location.
  if (ext && first.kind === 'failed' && isUnknownExtension(first.failure)) {
    const main = await loadKey(gln, undefined, deps);
    return main.kind === 'loaded' ? { ...main, extFellBack: true } : main;
  }
  if (first.kind === 'loaded' && ext && !first.record.subLocation) return { ...first, extFellBack: true };
  return first;
}

function isUnknownExtension(f: Failure): boolean {
  return f.status === 'not-found' || f.errors.some((e) => e.code === 'bad-extension');
}

async function loadKey(
  gln: string,
  ext: string | undefined,
  deps: LoadDeps,
  revalidate = true,
): Promise<PlaceLoad> {
  const now = deps.now ?? Date.now;
  const early = revalidate ? deps.early?.(gln, ext) : undefined;
  const earlyResult = early ? await early : undefined;
  if (earlyResult?.status === 'ok') {
    // Fresh from the service (asked without any cache): shown at once, and saved once it is on
    // screen, so that IndexedDB is not on the way to the page's first paint. A copy that fails to
    // save only means no offline copy, which the page cannot help.
    const fetchedAt = now();
    const save = () => remember(gln, ext, earlyResult.record, earlyResult.etag, fetchedAt).catch(() => {});
    (deps.saveEarlyAfter ?? Promise.resolve()).then(save, save);
    return { ...LOADED, record: earlyResult.record, fetchedAt };
  }
  const db = await places();
  const key = db.placeKey(gln, ext);
  const cached = await db.getPlace(key);
  // A failed early answer is already the network's word: the saved copy is weighed against it.
  const etag = revalidate && !earlyResult ? cached?.etag : undefined;
  const result = earlyResult ?? (await deps.client.getLocation(gln, ext, { etag }));

  if (result.status === 'ok') {
    // The server answers 304 to a matching If-None-Match, so a 200 carrying the very ETag we sent
    // came from a cache on the way (the browser's HTTP cache): it says nothing about freshness.
    // Show it as the saved copy, with the age of our own copy.
    if (cached && etag && result.etag === etag) {
      return { ...LOADED, record: cached.record, fetchedAt: cached.fetchedAt, fromCache: true };
    }
    const fetchedAt = now();
    await remember(gln, ext, result.record, result.etag, fetchedAt);
    return { ...LOADED, record: result.record, fetchedAt };
  }
  if (result.status === 'not-modified') {
    // The cache was cleared between the read and the answer: ask once more without a validator.
    if (!cached || !etag)
      return revalidate ? loadKey(gln, ext, deps, false) : { kind: 'failed', failure: BAD_304 };
    const fetchedAt = now();
    await db.touchPlace(key, fetchedAt);
    return { ...LOADED, record: cached.record, fetchedAt };
  }
  // Only a passing fault lets the cached copy stand in: a 404 or 400 is the service's word about
  // the GLN itself, and an old cached copy must not hide it.
  if (cached && adviceFor(result, { cached: true }) === 'use-cache') {
    return {
      ...LOADED,
      record: cached.record,
      fetchedAt: cached.fetchedAt,
      fromCache: true,
      failure: result,
    };
  }
  return { kind: 'failed', failure: result };
}

/** Keeps the record for offline use, and its name for the history and complaint lists. */
async function remember(
  gln: string,
  ext: string | undefined,
  record: LocationRecord,
  etag: string | undefined,
  fetchedAt: number,
): Promise<void> {
  const db = await places();
  await db.putPlace({ key: db.placeKey(gln, ext), record, etag, fetchedAt });
  await db.rememberPlaceName(gln, record.name);
}

// A 304 to a request without a validator is a broken server or proxy, not a usable answer.

const BAD_304: Failure = {
  status: 'server-error',
  httpStatus: 304,
  errors: BAD_RESPONSE,
};
