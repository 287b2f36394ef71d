// Web Mercator tile arithmetic (the "slippy map" scheme every web map library asks tiles in):
// tile x grows eastwards and y southwards, 2^z tiles a side. Pure, so the route and its tests
// agree on what a tile covers.

/** The deepest zoom the reference tiles are drawn for: a street corner fills the screen. */
export const MAX_TILE_ZOOM = 19;

export type TileAddress = { z: number; x: number; y: number };

export type TileProblem = 'z' | 'x' | 'y';

const WHOLE = /^\d{1,7}$/;

/** A tile address from the path's segments, or which of them is wrong. */
export function parseTile(z: string, x: string, y: string): TileAddress | { problem: TileProblem } {
  if (!WHOLE.test(z) || Number(z) > MAX_TILE_ZOOM) return { problem: 'z' };
  const zoom = Number(z);
  const side = 2 ** zoom;
  if (!WHOLE.test(x) || Number(x) >= side) return { problem: 'x' };
  if (!WHOLE.test(y) || Number(y) >= side) return { problem: 'y' };
  return { z: zoom, x: Number(x), y: Number(y) };
}

function lngOf(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180;
}

function latOf(y: number, z: number): number {
  const n = Math.PI - (2 * Math.PI * y) / 2 ** z;
  return (180 / Math.PI) * Math.atan(Math.sinh(n));
}

export type TileBounds = { north: number; south: number; west: number; east: number };

export function tileBounds({ z, x, y }: TileAddress): TileBounds {
  return { north: latOf(y, z), south: latOf(y + 1, z), west: lngOf(x, z), east: lngOf(x + 1, z) };
}

/** Where a point falls on the tile, in pixels of a `size`-pixel tile (may be outside it). */
export function pixelOf(
  tile: TileAddress,
  lat: number,
  lng: number,
  size: number,
): { px: number; py: number } {
  const scale = 2 ** tile.z * size;
  const worldX = ((lng + 180) / 360) * scale;
  const sin = Math.sin((lat * Math.PI) / 180);
  const worldY = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale;
  return { px: worldX - tile.x * size, py: worldY - tile.y * size };
}
