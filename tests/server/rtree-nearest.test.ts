import { describe, expect, it } from 'vitest';
import { type LocRow, nearbyFrom } from '../../src/server/store/registry-rows.ts';
import { rowsToRead, type TreeEntry } from '../../src/server/store/rtree-nearest.ts';
import { seeded, shop } from './nearby-fixtures.ts';

// SQLite's nearby search reads rows only for the shops the R*Tree says can be in the answer. The
// tree holds 32-bit floats rounded outwards, so this checks the answer (the nearest `limit`, the
// order, `truncated`) against reading every row, at national density and right at the edges.

/** The tree's copy of a coordinate: the nearest 32-bit floats below and above it. */
function outward(x: number): [number, number] {
  const f = Math.fround(x);
  if (f === x) return [f, f];
  const step = (v: number, dir: 1 | -1) => {
    const buf = new Float32Array([v]);
    const bits = new Int32Array(buf.buffer);
    bits[0]! += v > 0 ? dir : -dir;
    return buf[0]!;
  };
  return f < x ? [f, step(f, 1)] : [step(f, -1), f];
}

const entry = (r: LocRow): TreeEntry => {
  const [minLat, maxLat] = outward(r.lat);
  const [minLng, maxLng] = outward(r.lng);
  return [Number(r.gln), minLat, maxLat, minLng, maxLng];
};

function answerReadingOnly(rows: LocRow[], at: { lat: number; lng: number }, radius: number, limit: number) {
  const read = rowsToRead(rows.map(entry), at, radius, limit);
  const wanted = new Set(read.ids.map((id) => String(id)));
  const found = nearbyFrom(
    rows.filter((r) => wanted.has(r.gln)),
    at,
    radius,
    limit,
  );
  return { items: found.items, truncated: found.truncated || read.surelyMore };
}

describe('reading only the rows that can be in a nearby answer', () => {
  it('gives the answer reading every row gives: dense city blocks, many radii and limits', () => {
    const rnd = seeded(1402);
    for (let round = 0; round < 200; round++) {
      const at = { lat: 35.6 + rnd() * 0.2, lng: 51.3 + rnd() * 0.2 };
      const radius = [50, 300, 1000][round % 3]!;
      const limit = [1, 10, 50][(round >> 1) % 3]!;
      const spread = (radius * 1.3) / 111_000;
      const rows = Array.from({ length: 20 + Math.floor(rnd() * 400) }, (_, i) =>
        shop(i, at.lat + (rnd() * 2 - 1) * spread, at.lng + (rnd() * 2 - 1) * spread),
      );
      expect(answerReadingOnly(rows, at, radius, limit)).toEqual(nearbyFrom(rows, at, radius, limit));
    }
  });

  it('decides shops within a metre of the edge, and ties in whole metres, by their rows', () => {
    const at = { lat: 35.7, lng: 51.4 };
    const metre = 1 / 111_195; // one metre of latitude on the sphere distanceM uses
    // A ring of shops between 299 and 301 m north, and a crowd at exactly the same distances.
    const rows = [
      ...Array.from({ length: 40 }, (_, i) => shop(i, at.lat + (299 + i * 0.05) * metre, at.lng)),
      ...Array.from({ length: 30 }, (_, i) => shop(100 + i, at.lat - (120 + (i % 3) * 0.3) * metre, at.lng)),
    ];
    for (const limit of [5, 29, 30, 31, 50, 69, 70, 80])
      expect(answerReadingOnly(rows, at, 300, limit)).toEqual(nearbyFrom(rows, at, 300, limit));
  });

  it('reads far fewer rows than the box holds when the answer is capped', () => {
    const rnd = seeded(7);
    const at = { lat: 35.7, lng: 51.4 };
    const rows = Array.from({ length: 400 }, (_, i) =>
      shop(i, at.lat + (rnd() * 2 - 1) * 0.003, at.lng + (rnd() * 2 - 1) * 0.003),
    );
    const read = rowsToRead(rows.map(entry), at, 300, 50);
    expect(read.ids.length).toBeLessThan(120);
    expect(read.surelyMore).toBe(true);
  });
});
