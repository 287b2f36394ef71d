import { describe, expect, it } from 'vitest';
import { MAX_TILE_ZOOM, parseTile, pixelOf, tileBounds } from '../../../src/server/tiles/tile-math.ts';

describe('tile addresses', () => {
  it('takes z/x/y within the zoom’s 2^z tiles a side and refuses the rest, naming the wrong part', () => {
    expect(parseTile('0', '0', '0')).toEqual({ z: 0, x: 0, y: 0 });
    expect(parseTile('3', '7', '7')).toEqual({ z: 3, x: 7, y: 7 });
    expect(parseTile('3', '8', '0')).toEqual({ problem: 'x' });
    expect(parseTile('3', '0', '8')).toEqual({ problem: 'y' });
    expect(parseTile(String(MAX_TILE_ZOOM + 1), '0', '0')).toEqual({ problem: 'z' });
    expect(parseTile('1e1', '0', '0')).toEqual({ problem: 'z' });
    expect(parseTile('2', '-1', '0')).toEqual({ problem: 'x' });
  });

  it('covers the whole Web Mercator world at zoom 0 and puts a point where its tile says', () => {
    const world = tileBounds({ z: 0, x: 0, y: 0 });
    expect(world.west).toBe(-180);
    expect(world.east).toBe(180);
    expect(world.north).toBeCloseTo(85.0511, 4);
    const tile = { z: 12, x: 2632, y: 1617 };
    const b = tileBounds(tile);
    expect(pixelOf(tile, b.north, b.west, 256)).toEqual({
      px: expect.closeTo(0, 6),
      py: expect.closeTo(0, 6),
    });
    expect(pixelOf(tile, b.south, b.east, 256)).toEqual({
      px: expect.closeTo(256, 6),
      py: expect.closeTo(256, 6),
    });
  });
});
