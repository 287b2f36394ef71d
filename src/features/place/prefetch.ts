import { api, resolverApi } from '../../api/app-client.ts';
import type { ApiClient } from '../../api/client.ts';
import { placeKey } from '../../db/places.ts';
import { type PlaceLoad, resolvePlace } from './load-place.ts';

// A decoded plate leads to its shop page: the page's chunk and the shop's record are asked for the
// moment the plate is read, not once the page has loaded and mounted, so the two load side by side
// with the scan's history record. The page takes the load it finds here instead of starting its own.

/** A load nobody took within this long is dropped: the page then asks afresh. */
const TAKE_WITHIN_MS = 10_000;

const pending = new Map<string, { load: Promise<PlaceLoad>; at: number }>();

/**
 * Starts the shop page's chunk and, once `after` has settled (the scan is in history, so the name
 * the load remembers lands on it), the same load the page would make with its default clients.
 */
export function prefetchPlace(gln: string, ext: string | undefined, after: Promise<unknown>): void {
  void import('./PlacePage.tsx');
  const client = api();
  const resolver = resolverApi();
  const load = after.then(
    () => resolvePlace(gln, ext, { client, resolver }),
    () => resolvePlace(gln, ext, { client, resolver }),
  );
  pending.set(placeKey(gln, ext), { load, at: Date.now() });
}

/** The load prefetched for this place with these clients, handed over once; otherwise undefined. */
export function takePrefetchedPlace(
  gln: string,
  ext: string | undefined,
  client: ApiClient,
  resolver: ApiClient | undefined,
): Promise<PlaceLoad> | undefined {
  const key = placeKey(gln, ext);
  const found = pending.get(key);
  pending.delete(key);
  if (!found || Date.now() - found.at > TAKE_WITHIN_MS) return undefined;
  if (client !== api() || resolver !== resolverApi()) return undefined;
  return found.load;
}
