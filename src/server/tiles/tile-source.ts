import type { MapSource } from '../../api/index.ts';
import { MAX_TILE_ZOOM } from './tile-math.ts';

// Where the app's map takes its tiles from. By default the service's own (tiles/routes.ts);
// an operator names another tile server with TILE_URL (a template with {z}, {x}, {y}) and the
// credit its licence asks for with TILE_ATTRIBUTION, and the map shows that credit.

export const OWN_TILES = '/tiles/{z}/{x}/{y}.png';

export const OWN_TILES_SOURCE: MapSource = { url: OWN_TILES, attribution: null, maxZoom: MAX_TILE_ZOOM };

export function tileSourceFrom(env: Record<string, string | undefined>): MapSource {
  const url = env.TILE_URL?.trim();
  if (!url) return OWN_TILES_SOURCE;
  for (const part of ['{z}', '{x}', '{y}'])
    if (!url.includes(part)) throw new Error(`TILE_URL must contain ${part}: ${url}`);
  const attribution = env.TILE_ATTRIBUTION?.trim();
  if (!attribution)
    throw new Error("TILE_URL needs TILE_ATTRIBUTION: the credit the tiles' licence asks for");
  const maxZoom = Number(env.TILE_MAX_ZOOM ?? 19);
  return { url, attribution, maxZoom: Number.isInteger(maxZoom) && maxZoom > 0 ? maxZoom : 19 };
}

/** The tile server's origin when it is not this service: the CSP must let the map load from it. */
export function tileOrigins(source: MapSource): string[] {
  return /^https?:\/\//.test(source.url) ? [new URL(source.url.replace(/\{[a-z]\}/g, '0')).origin] : [];
}
