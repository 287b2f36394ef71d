import { type ApiClient, BAD_RESPONSE, type Failure } from '../../api/client.ts';
import { adviceFor, isTransient } from '../../api/failure.ts';
import type { Linkset, LocationRecord } from '../../api/index.ts';
import {
  getLinkset,
  getPlace,
  placeKey,
  putLinkset,
  putPlace,
  rememberPlaceName,
  touchPlace,
} from '../../db/places.ts';
import { type LinksetSummary, summariseLinkset } from './linkset-summary.ts';

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
export type LoadDeps = { client: ApiClient; resolver?: ApiClient; now?: () => number };

/**
 * The shop page's load: through the configured resolver's linkset when it is not the service
 * itself, following its registry entry to the full record where that is our format, and showing
 * the linkset alone otherwise. Without such a resolver, the record API directly.
 */
export async function resolvePlace(gln: string, ext: string | undefined, deps: LoadDeps): Promise<PlaceLoad> {
  const { resolver } = deps;
  if (!resolver) return loadPlace(gln, ext, deps);
  const now = deps.now ?? Date.now;
  const key = placeKey(gln, ext);
  const answer = await resolver.getLinkset(gln, ext);
  if (answer.status !== 'ok') {
    // Only a passing fault lets a saved copy stand in, as for the record (see loadKey).
    if (adviceFor(answer, { cached: true }) !== 'use-cache') return { kind: 'failed', failure: answer };
    const record = await getPlace(key);
    if (record)
      return {
        ...LOADED,
        record: record.record,
        fetchedAt: record.fetchedAt,
        fromCache: true,
        failure: answer,
      };
    const saved = await getLinkset(key);
    if (saved) return linksetLoad(gln, saved.linkset, saved.fetchedAt, true, answer);
    return { kind: 'failed', failure: answer };
  }
  const { LinksetSchema } = await import('../../api/linkset.ts');
  const linkset = LinksetSchema.safeParse(answer.data);
  if (!linkset.success) return { kind: 'failed', failure: BAD_LINKSET };
  const fetchedAt = now();
  await putLinkset({ key, linkset: linkset.data, fetchedAt });
  const links = summariseLinkset(linkset.data);
  const ours = links.registryJson ? await ourRecordAt(links.registryJson, gln, ext, deps) : undefined;
  if (ours) return ours;
  if (links.name) await rememberPlaceName(gln, links.name);
  return linksetLoad(gln, linkset.data, fetchedAt, false);
}

const LOADED = { kind: 'loaded', fromCache: false, extFellBack: false } as const;

function linksetLoad(
  gln: string,
  linkset: Linkset,
  fetchedAt: number,
  fromCache: boolean,
  failure?: Failure,
): PlaceLoad {
  return { kind: 'linkset', gln, links: summariseLinkset(linkset), fetchedAt, fromCache, failure };
}

/**
 * The registry entry's record when it is ours: our schema, for this GLN. Anything else (another
 * registry's format, an error, no answer) is "not ours", and the linkset is shown instead.
 */
async function ourRecordAt(
  href: string,
  gln: string,
  ext: string | undefined,
  deps: LoadDeps,
): Promise<PlaceLoad | undefined> {
  const now = deps.now ?? Date.now;
  const key = placeKey(gln, ext);
  const result = await deps.client.getLocationAt(href);
  // No validator was sent, so a 304 is no answer: the linkset is shown.
  if (result.status === 'not-modified') return undefined;
  if (result.status !== 'ok') {
    // A passing fault on the way to our own record: the saved record is better than the linkset.
    const cached = isTransient(result) ? await getPlace(key) : undefined;
    return cached
      ? { ...LOADED, record: cached.record, fetchedAt: cached.fetchedAt, fromCache: true, failure: result }
      : undefined;
  }
  const { LocationRecordSchema } = await import('../../api/location.ts');
  const parsed = LocationRecordSchema.safeParse(result.record);
  if (!parsed.success || parsed.data.gln !== gln) return undefined;
  const record = parsed.data;
  const fetchedAt = now();
  await putPlace({ key, record, etag: result.etag, fetchedAt });
  await rememberPlaceName(gln, record.name);
  return { ...LOADED, record, fetchedAt, extFellBack: Boolean(ext && !record.subLocation) };
}

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
  const key = placeKey(gln, ext);
  const cached = await getPlace(key);
  const etag = revalidate ? cached?.etag : undefined;
  const result = await deps.client.getLocation(gln, ext, { etag });
  const loaded = { kind: 'loaded', fromCache: false, extFellBack: false } as const;

  if (result.status === 'ok') {
    // The server answers 304 to a matching If-None-Match, so a 200 carrying the very ETag we sent
    // came from a cache on the way (the browser's HTTP cache): it says nothing about freshness.
    // Show it as the saved copy, with the age of our own copy.
    if (cached && etag && result.etag === etag) {
      return { ...loaded, record: cached.record, fetchedAt: cached.fetchedAt, fromCache: true };
    }
    const fetchedAt = now();
    await putPlace({ key, record: result.record, etag: result.etag, fetchedAt });
    await rememberPlaceName(gln, result.record.name);
    return { ...loaded, record: result.record, fetchedAt };
  }
  if (result.status === 'not-modified') {
    // The cache was cleared between the read and the answer: ask once more without a validator.
    if (!cached || !etag)
      return revalidate ? loadKey(gln, ext, deps, false) : { kind: 'failed', failure: BAD_304 };
    const fetchedAt = now();
    await touchPlace(key, fetchedAt);
    return { ...loaded, record: cached.record, fetchedAt };
  }
  // Only a passing fault lets the cached copy stand in: a 404 or 400 is the service's word about
  // the GLN itself, and an old cached copy must not hide it.
  if (cached && adviceFor(result, { cached: true }) === 'use-cache') {
    return {
      ...loaded,
      record: cached.record,
      fetchedAt: cached.fetchedAt,
      fromCache: true,
      failure: result,
    };
  }
  return { kind: 'failed', failure: result };
}

// A 304 to a request without a validator is a broken server or proxy, not a usable answer.
// A resolver that answers something other than a linkset gave nothing the page can use.
const BAD_LINKSET: Failure = { status: 'server-error', errors: BAD_RESPONSE };

const BAD_304: Failure = {
  status: 'server-error',
  httpStatus: 304,
  errors: BAD_RESPONSE,
};
