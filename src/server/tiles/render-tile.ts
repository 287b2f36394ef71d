import sharp from 'sharp';
import type { NearbyItem } from '../../api/index.ts';
import type { NearbyPlace } from '../store/registry-rows.ts';
import { pixelOf, type TileAddress } from './tile-math.ts';

// The reference service's own map tiles: drawn here, from the registry, with no network. Plain
// on purpose (a light ground, a graticule with its coordinates, the registered shops as dots):
// enough to find one's way among the shops in the demo and in tests, never a street map.

export const TILE_SIZE = 256;

/** Below this zoom a tile spans a whole city or more: dots would be noise, and the query large. */
export const SHOPS_FROM_ZOOM = 12;

const STATUS_FILL: Record<NearbyItem['status'], string> = {
  active: '#1b7f3b',
  sealed: '#b3261e',
  moved: '#8a6d00',
  closed: '#6b6b6b',
};

/**
 * The tile as SVG: ground, four grid lines a side, the shops. No text: the map is read in
 * Persian, and the tile cannot know the reader's digits (the list beside it names everything).
 */
export function tileSvg(tile: TileAddress, shops: readonly NearbyPlace[]): string {
  const q = TILE_SIZE / 4;
  const lines: string[] = [];
  for (let i = 1; i < 4; i++) {
    lines.push(`<line x1="${i * q}" y1="0" x2="${i * q}" y2="${TILE_SIZE}"/>`);
    lines.push(`<line x1="0" y1="${i * q}" x2="${TILE_SIZE}" y2="${i * q}"/>`);
  }
  const r = tile.z >= 16 ? 6 : tile.z >= 14 ? 4 : 2.5;
  const dots = shops.map((s) => {
    const { px, py } = pixelOf(tile, s.geo.lat, s.geo.lng, TILE_SIZE);
    return `<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="${r}" fill="${STATUS_FILL[s.status]}"/>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${TILE_SIZE}" height="${TILE_SIZE}">`,
    `<rect width="${TILE_SIZE}" height="${TILE_SIZE}" fill="#f4f1ea"/>`,
    `<g stroke="#ddd6c8" stroke-width="1">${lines.join('')}</g>`,
    `<rect x="0.5" y="0.5" width="${TILE_SIZE - 1}" height="${TILE_SIZE - 1}" fill="none" stroke="#c9c0ae"/>`,
    `<g stroke="#fff" stroke-width="1">${dots.join('')}</g>`,
    '</svg>',
  ].join('');
}

/** The tile as PNG, the one raster format every map library (and every `<img>`) takes. */
export function tilePng(tile: TileAddress, shops: readonly NearbyPlace[]): Promise<Buffer> {
  return sharp(Buffer.from(tileSvg(tile, shops)))
    .png({ compressionLevel: 9, palette: true })
    .toBuffer();
}
