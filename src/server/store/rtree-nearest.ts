import type { Geo } from '../../api/index.ts';
import { distanceM } from './registry-rows.ts';

// SQLite's nearby search reads the R*Tree's box first and the registry's rows only for the shops
// that can be in the answer: at national density a 300 m box holds a few hundred shops, and
// reading every row (names, addresses) cost four times the answer's fifty.
//
// The R*Tree keeps coordinates as 32-bit floats, rounded outwards: at Iran's latitudes and
// longitudes (< 64°) one step is 2^-18° ≈ 0.4 m, so the box's centre is within SLACK_M of the
// shop. Distances from the tree only choose which rows to read; the rows' own coordinates decide
// the answer, exactly as before.

export const SLACK_M = 1;

/** One R*Tree entry: id, min_lat, max_lat, min_lng, max_lng. */
export type TreeEntry = [id: number, minLat: number, maxLat: number, minLng: number, maxLng: number];

/**
 * Which entries' rows to read so that the `limit` nearest within `radiusM` (ties broken by whole
 * metres, then GLN) and whether more were inside come out as if every row had been read.
 * `surelyMore`: entries left unread that are certainly inside, so the answer is truncated.
 */
export function rowsToRead(
  entries: readonly TreeEntry[],
  at: Geo,
  radiusM: number,
  limit: number,
): { ids: number[]; surelyMore: boolean } {
  const near: { id: number; d: number }[] = [];
  for (const [id, minLat, maxLat, minLng, maxLng] of entries) {
    const d = distanceM(at, { lat: (minLat + maxLat) / 2, lng: (minLng + maxLng) / 2 });
    if (d <= radiusM + SLACK_M) near.push({ id, d });
  }
  if (near.length <= limit) return { ids: near.map((n) => n.id), surelyMore: false };
  near.sort((a, b) => a.d - b.d);
  // A shop among the true nearest is at most SLACK_M closer than the tree says, the limit-th at
  // most SLACK_M farther, and a tie in whole metres spans up to one metre more.
  const cut = near[limit - 1]!.d + 2 * SLACK_M + 1;
  const ids: number[] = [];
  let surelyMore = false;
  for (const n of near) {
    // Near the edge only the row can say whether a shop is inside, which decides `truncated`.
    if (n.d <= cut || n.d > radiusM - SLACK_M) ids.push(n.id);
    else surelyMore = true;
  }
  return { ids, surelyMore };
}
