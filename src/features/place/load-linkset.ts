import { type ApiClient, BAD_RESPONSE, type Failure } from '../../api/client.ts';
import { adviceFor, isTransient } from '../../api/failure.ts';
import type { Linkset } from '../../api/index.ts';
import { summariseLinkset } from './linkset-summary.ts';
import { LOADED, type LoadDeps, type PlaceLoad, places } from './load-place.ts';

// The shop page's load through a GS1 resolver other than the service itself. It is a chunk of its
// own: it brings the linkset schema (zod), which the usual load, straight from the record API,
// never needs.

/**
 * The shop page's load: through the configured resolver's linkset when it is not the service
 * itself, following its registry entry to the full record where that is our format, and showing
 * the linkset alone otherwise. Without such a resolver, the record API directly.
 */
export async function loadThroughResolver(
  gln: string,
  ext: string | undefined,
  deps: LoadDeps & { resolver: ApiClient },
): Promise<PlaceLoad> {
  const { resolver } = deps;
  const { getLinkset, getPlace, placeKey, putLinkset, rememberPlaceName } = await places();
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
  const { getPlace, placeKey, putPlace, rememberPlaceName } = await places();
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

// A resolver that answers something other than a linkset gave nothing the page can use.
const BAD_LINKSET: Failure = { status: 'server-error', errors: BAD_RESPONSE };
