import type { ApiClient } from '../../api/client.ts';
import type { PlaceLoad } from './load-place.ts';

// A decoded plate leads to its shop page: the page's chunk and the shop's record are asked for the
// moment the plate is read, not once the page has loaded and mounted, so the two load side by side
// with the scan's history record. The page takes the load it finds here instead of starting its own.
// Everything it needs is imported when a plate is read, so the scan page's own chunk stays small.

/** A load nobody took within this long is dropped: the page then asks afresh. */
const TAKE_WITHIN_MS = 10_000;

/** A load made with the app's default clients, and which clients those were. */
export type PrefetchedPlace = { load: PlaceLoad; client: ApiClient; resolver: ApiClient | undefined };

const pending = new Map<string, { prefetched: Promise<PrefetchedPlace>; at: number }>();

const keyOf = (gln: string, ext: string | undefined) => (ext ? `${gln}/${ext}` : gln);

/** The shop page's code (its chunk and everything it imports), loaded ahead of a plate being read. */
export function preloadPlacePage(): Promise<unknown> {
  return import('./PlacePage.tsx');
}

/**
 * Starts the shop page's chunk and, once `after` has settled (the scan is in history, so the name
 * the load remembers lands on it), the same load the page would make with its default clients.
 */
export function prefetchPlace(gln: string, ext: string | undefined, after: Promise<unknown>): void {
  void preloadPlacePage();
  const prefetched = Promise.all([
    import('./load-place.ts'),
    import('../../api/app-client.ts'),
    after.catch(() => undefined),
  ]).then(async ([{ resolvePlace }, { api, resolverApi }]) => {
    const client = api();
    const resolver = resolverApi();
    return { load: await resolvePlace(gln, ext, { client, resolver }), client, resolver };
  });
  pending.set(keyOf(gln, ext), { prefetched, at: Date.now() });
}

/** The load prefetched for this place, handed over once; undefined when there is none or it is old. */
export function takePrefetchedPlace(
  gln: string,
  ext: string | undefined,
): Promise<PrefetchedPlace> | undefined {
  const key = keyOf(gln, ext);
  const found = pending.get(key);
  pending.delete(key);
  if (!found || Date.now() - found.at > TAKE_WITHIN_MS) return undefined;
  return found.prefetched;
}
