import { describe, expect, it } from 'vitest';
import type { Geo } from '../../src/api/index.ts';
import { nearestSettle } from '../../src/server/store/nearest-first.ts';
import { distanceM, type LocRow, nearbyFrom } from '../../src/server/store/registry-rows.ts';
import { seeded, shop } from './nearby-fixtures.ts';

// PostgreSQL reads the shops nearest first (PostGIS KNN) and stops after `limit + spare` rows when
// those settle the answer. Whenever nearestSettle says so, the answer from those rows must be the
// one reading the whole circle gives (nearbyFrom, as on SQLite): the nearest `limit` by whole
// metres then GLN, and `truncated`.

/** What `ORDER BY geog <-> point LIMIT n` returns: PostGIS's sphere (a little larger), ties in any order. */
function knn(rows: LocRow[], at: Geo, radius: number, n: number, rnd: () => number): LocRow[] {
  const postgisRadius = 6_371_008.7714 / 6_371_000;
  return rows
    .map((r) => ({ r, d: distanceM(at, r) * postgisRadius, tie: rnd() }))
    .filter((x) => x.d <= radius * 1.01 + 1)
    .sort((a, b) => a.d - b.d || a.tie - b.tie)
    .slice(0, n)
    .map((x) => x.r);
}

function nearestFirst(
  rows: LocRow[],
  at: Geo,
  radius: number,
  limit: number,
  spare: number,
  rnd: () => number,
) {
  const read = knn(rows, at, radius, limit + spare, rnd);
  return nearestSettle(read, limit + spare, at, radius, limit)
    ? nearbyFrom(read, at, radius, limit)
    : undefined;
}

describe('nearest first', () => {
  it('when the nearest rows settle the answer, it is the whole circle’s: random crowds, radii, limits', () => {
    const rnd = seeded(1402);
    let settled = 0;
    for (let round = 0; round < 300; round++) {
      const at = { lat: 35.6 + rnd() * 0.2, lng: 51.3 + rnd() * 0.2 };
      const radius = [50, 300, 1000][round % 3]!;
      const limit = [1, 10, 50][(round >> 1) % 3]!;
      const spread = (radius * 1.3) / 111_000;
      const rows = Array.from({ length: Math.floor(rnd() * 400) }, (_, i) =>
        shop(i, at.lat + (rnd() * 2 - 1) * spread, at.lng + (rnd() * 2 - 1) * spread),
      );
      const answer = nearestFirst(rows, at, radius, limit, 10, rnd);
      if (answer) {
        settled++;
        expect(answer).toEqual(nearbyFrom(rows, at, radius, limit));
      }
    }
    // Random crowds rarely tie at the last place: the whole circle is seldom needed.
    expect(settled).toBeGreaterThan(280);
  });

  it('does not settle on rows tied at the edge of the answer, or at the edge of the circle', () => {
    const at = { lat: 35.7, lng: 51.4 };
    const metre = 1 / 111_195; // one metre of latitude on the sphere distanceM uses
    // Thirty shops in one building 120 m south (the same whole metre), a ring around 300 m north.
    const rows = [
      ...Array.from({ length: 30 }, (_, i) => shop(100 + i, at.lat - (120 + (i % 3) * 0.3) * metre, at.lng)),
      ...Array.from({ length: 40 }, (_, i) => shop(i, at.lat + (299 + i * 0.05) * metre, at.lng)),
    ];
    const rnd = seeded(9);
    for (const limit of [5, 10, 29, 30, 31, 50, 69, 70, 80])
      for (const spare of [0, 1, 5, 10, 40]) {
        const answer = nearestFirst(rows, at, 300, limit, spare, rnd);
        if (answer)
          expect(answer, `limit ${limit}, spare ${spare}`).toEqual(nearbyFrom(rows, at, 300, limit));
      }
    // A limit inside the building's crowd with few spare rows cannot be settled.
    expect(nearestFirst(rows, at, 300, 10, 5, rnd)).toBeUndefined();
    // Past the building, every shop up to the ring is read: settled.
    expect(nearestFirst(rows, at, 300, 30, 10, rnd)).toEqual(nearbyFrom(rows, at, 300, 30));
  });
});
