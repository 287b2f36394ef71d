import type { Geo } from '../../api/index.ts';
import { distanceM } from './registry-rows.ts';

// PostgreSQL's nearby search asks the GiST index for shops in order of distance (PostGIS KNN,
// `ORDER BY geog <-> point LIMIT n`), so it reads the rows of the nearest few dozen instead of
// every row in the circle: at national density a 300 m circle holds ~180 shops on ~290 pages
// that are rarely in the buffer cache, and those reads were most of a nearby answer's cost.
//
// The answer must still be exactly what reading the whole circle gives (nearbyFrom: the `limit`
// nearest by whole metres, then GLN, and whether more were inside). Every shop not among the `n`
// read is at least as far as the farthest one read (PostGIS measures on a sphere too, so its
// order is this one's; NEAR_EPSILON_M covers the spheres' sizes and rounding). This says whether
// the rows read settle the answer; when they do not (a crowd of shops tied at the edge of the
// answer), the caller reads the whole circle.

export const NEAR_EPSILON_M = 0.01;

export function nearestSettle(
  read: readonly Geo[],
  asked: number,
  at: Geo,
  radiusM: number,
  limit: number,
): boolean {
  // Fewer than asked: the index had no more inside the (slightly wider) circle it was given.
  if (read.length < asked) return true;
  const distances = read.map((r) => distanceM(at, r)).sort((a, b) => a - b);
  const farthest = distances.at(-1)!;
  // Everything unread is outside the circle.
  if (farthest > radiusM + NEAR_EPSILON_M) return true;
  // Unread shops may be inside. Settled only if more than `limit` read are inside (the answer is
  // truncated whatever the rest) and nothing unread can round to the last place's whole metre or
  // nearer.
  const inside = distances.filter((d) => d <= radiusM);
  return inside.length > limit && farthest >= inside[limit - 1]! + 1 + NEAR_EPSILON_M;
}
