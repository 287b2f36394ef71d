import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { MAP_SOURCE_PATH, type MapSource } from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { fail } from '../http/errors.ts';
import { langOf } from '../i18n.ts';
import { LruMap } from '../lru-map.ts';
import { etagMatches } from '../records/record-cache.ts';
import type { NearbyPlace } from '../store/registry-rows.ts';
import { distanceM } from '../store/registry-rows.ts';
import { SHOPS_FROM_ZOOM, tilePng } from './render-tile.ts';
import { MAX_TILE_ZOOM, parseTile, type TileAddress, tileBounds } from './tile-math.ts';

// `GET /tiles/{z}/{x}/{y}.png`: the service's own map tiles, and `GET /api/v1/map-source`: where
// the app's map takes tiles from. A tile is drawn from the registry once and kept, so a map
// panned back and forth, or many shoppers in one street, cost one drawing per tile.

/** Rendered tiles kept in memory (a few KB each). */
const KEPT_TILES = 512;
/** The registry changes by the day: a tile is redrawn at most this often. */
const KEEP_MS = 10 * 60_000;
/** Drawings at once (sharp works off the event loop, on libuv's threads). */
const RENDERS_AT_ONCE = 2;
/**
 * Drawings waiting for a slot. A map asks a screenful of tiles at once (12 to 20), so they queue
 * rather than fail; past this many the answer is 503 with Retry-After, and the work stays bounded.
 */
const RENDERS_WAITING = 64;
/** Dots on one tile at most: past this many the tile would be a blot anyway. */
const SHOPS_PER_TILE = 400;
const TILE_CACHE = 'public, max-age=3600, stale-while-revalidate=86400';

type Drawn = { png: Buffer; etag: string; at: number };

export function tileRoutes(deps: ServiceDeps, source: MapSource) {
  const app = new Hono({ strict: false });
  const kept = new LruMap<string, Drawn>(KEPT_TILES);
  const drawing = new Map<string, Promise<Drawn>>();
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async (): Promise<() => void> => {
    if (running >= RENDERS_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    return () => {
      running--;
      waiting.shift()?.();
    };
  };

  app.get(MAP_SOURCE_PATH, (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(source);
  });

  const shopsOn = async (tile: TileAddress): Promise<NearbyPlace[]> => {
    if (tile.z < SHOPS_FROM_ZOOM) return [];
    const b = tileBounds(tile);
    const centre = { lat: (b.north + b.south) / 2, lng: (b.west + b.east) / 2 };
    // The circle through the tile's corners holds the whole tile; dots just outside it are
    // drawn clipped, so neighbouring tiles join up.
    const radius = distanceM(centre, { lat: b.north, lng: b.west }) + 50;
    return (await deps.lookups.nearby(centre, radius, SHOPS_PER_TILE)).items;
  };

  const draw = async (key: string, tile: TileAddress): Promise<Drawn> => {
    const release = await slot();
    let png: Buffer;
    try {
      png = await tilePng(tile, await shopsOn(tile));
    } finally {
      release();
    }
    const drawn = {
      png,
      etag: `"${createHash('sha256').update(png).digest('base64url').slice(0, 22)}"`,
      at: Date.now(),
    };
    kept.set(key, drawn);
    return drawn;
  };

  app.get('/tiles/:z/:x/:file', async (c) => {
    const m = /^(\d+)\.png$/.exec(c.req.param('file'));
    const parsed = parseTile(c.req.param('z'), c.req.param('x'), m ? m[1]! : '');
    if ('problem' in parsed)
      return fail(c, 400, 'bad-query', `near:tiles.bad.${parsed.problem}`, undefined, {
        max: new Intl.NumberFormat(langOf(c) === 'fa' ? 'fa-IR' : 'en').format(MAX_TILE_ZOOM),
      });
    const key = `${parsed.z}/${parsed.x}/${parsed.y}`;
    // A read refreshes the tile's place in the eviction order.
    let tile = kept.get(key);
    if (tile && Date.now() - tile.at > KEEP_MS) tile = undefined;
    if (!tile) {
      let pending = drawing.get(key);
      if (!pending) {
        if (drawing.size >= RENDERS_AT_ONCE + RENDERS_WAITING) {
          c.header('Retry-After', '1');
          return fail(c, 503, 'busy', 'near:tiles.busy');
        }
        pending = draw(key, parsed).finally(() => drawing.delete(key));
        drawing.set(key, pending);
      }
      tile = await pending;
    }
    c.header('Cache-Control', TILE_CACHE);
    c.header('ETag', tile.etag);
    // Tiles are public pictures: any map on any origin may draw them (MapLibre fetches with CORS).
    c.header('Access-Control-Allow-Origin', '*');
    if (etagMatches(c.req.header('If-None-Match'), tile.etag)) return c.body(null, 304);
    c.header('Content-Type', 'image/png');
    return c.body(new Uint8Array(tile.png));
  });

  return app;
}
