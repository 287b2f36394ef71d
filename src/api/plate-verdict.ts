import type { Geo } from './common.ts';

// "Is this the right place?": compares where the shopper stands with the plate's registered
// point. Pure, so the rule is tested without a browser; here in api/ because the service judges
// the readings shoppers post (plate confirmations) by the same rule as the app shows.
//
// The rule. A plate is FAR when
//     distance > max(MIN_RADIUS_M, 2 × accuracy) + TOLERANCE_M
// - MIN_RADIUS_M (75 m): even with a perfect fix, the registered point is the building's, and a
//   shop in a bazaar passage or a mall sits tens of metres from it; 75 m covers a large building.
// - 2 × accuracy: the browser's `accuracy` is a ~68 % radius; doubling it covers ~95 % of fixes,
//   so a poor indoor fix does not accuse an honest shop.
// - TOLERANCE_M (25 m): the registered point itself carries error (level 1 points are typed by
//   the owner), which the shopper's accuracy says nothing about.
// Otherwise it is NEAR, unless the fix is too coarse to say anything (accuracy > MAX_USEFUL_ACCURACY_M):
// then "imprecise", because "it matches" from a 1 km cell-tower fix would be a false comfort.

export const MIN_RADIUS_M = 75;
export const TOLERANCE_M = 25;
export const MAX_USEFUL_ACCURACY_M = 150;

export type Fix = Geo & { accuracy: number };
export type PlateVerdict = {
  verdict: 'near' | 'far' | 'imprecise';
  /** Metres between the shopper and the registered point, rounded. */
  distance: number;
  /** The distance beyond which the plate counts as far for this fix. */
  limit: number;
};

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine); plenty accurate at street scale. */
export function haversineMetres(a: Geo, b: Geo): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function farLimit(accuracy: number): number {
  const acc = Number.isFinite(accuracy) && accuracy > 0 ? accuracy : 0;
  return Math.max(MIN_RADIUS_M, 2 * acc) + TOLERANCE_M;
}

export function plateVerdict(registered: Geo, fix: Fix): PlateVerdict {
  const distance = haversineMetres(registered, fix);
  const limit = farLimit(fix.accuracy);
  const rounded = Math.round(distance);
  if (distance > limit) return { verdict: 'far', distance: rounded, limit };
  // A missing or absurd accuracy is treated as coarse: no comfort without a usable fix.
  const usable = Number.isFinite(fix.accuracy) && fix.accuracy <= MAX_USEFUL_ACCURACY_M;
  return { verdict: usable ? 'near' : 'imprecise', distance: rounded, limit };
}
