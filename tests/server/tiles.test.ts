import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocationRecordSchema, MapSourceSchema } from '../../src/api/index.ts';
import { TILE_SIZE } from '../../src/server/tiles/render-tile.ts';
import { expectPersianError, FIRST_GLN, type Harness, startServer } from './harness.ts';

// The reference service's own map tiles (README "Shops near me"): what a map library asks for
// (`/tiles/{z}/{x}/{y}.png`, the slippy-map scheme), refused with a Persian reason when the
// address is no tile, and cacheable by browsers and proxies.

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h.stop());

/** The tile holding a point, and the point's pixel on it (the Web Mercator formulas, written out again). */
function tileAt(lat: number, lng: number, z: number) {
  const n = 2 ** z;
  const fx = ((lng + 180) / 360) * n;
  const rad = (lat * Math.PI) / 180;
  const fy = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n;
  const x = Math.floor(fx);
  const y = Math.floor(fy);
  return { x, y, px: Math.floor((fx - x) * TILE_SIZE), py: Math.floor((fy - y) * TILE_SIZE) };
}

async function pixel(png: Buffer, px: number, py: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (py * info.width + px) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

describe('map tiles', () => {
  it('draws a 256-pixel PNG tile with a registered shop as a green dot where it stands', async () => {
    const shop = LocationRecordSchema.parse(await (await h.get(`/api/v1/locations/${FIRST_GLN}`)).json());
    expect(shop.status).toBe('active');
    const t = tileAt(shop.geo.lat, shop.geo.lng, 17);
    const res = await h.get(`/tiles/17/${t.x}/${t.y}.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', TILE_SIZE, TILE_SIZE]);
    const [r, g, b] = await pixel(png, t.px, t.py);
    expect(g).toBeGreaterThan(r + 40);
    expect(g).toBeGreaterThan(b + 40);
  });

  it('draws no dot where no shop stands: the same pixel on a tile of open sea is the light ground', async () => {
    // The Persian Gulf, far from every seeded city.
    const t = tileAt(26.9, 51.6, 17);
    const res = await h.get(`/tiles/17/${t.x}/${t.y}.png`);
    expect(res.status).toBe(200);
    const [r, g, b] = await pixel(Buffer.from(await res.arrayBuffer()), t.px, t.py);
    expect(Math.min(r, g, b)).toBeGreaterThan(200);
  });

  it('sends Cache-Control and an ETag, and 304 to a matching If-None-Match', async () => {
    const first = await h.get('/tiles/12/2652/1613.png');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await h.get('/tiles/12/2652/1613.png', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    // The ETag names the picture: Tehran's shops make another one than this empty ground.
    const other = await h.get('/tiles/12/2632/1612.png');
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it.each([
    ['a zoom past the deepest', '/tiles/20/0/0.png'],
    ['a column past the zoom’s last (2^z)', '/tiles/3/8/0.png'],
    ['a row past the zoom’s last', '/tiles/3/0/8.png'],
    ['a negative column', '/tiles/3/-1/0.png'],
    ['a fractional zoom', '/tiles/3.5/0/0.png'],
    ['letters for a row', '/tiles/3/0/abc.png'],
    ['another image format', '/tiles/3/0/0.jpg'],
  ])('refuses %s with 400 and a Persian reason', async (_, path) => {
    await expectPersianError(await h.get(path), 400, 'bad-query');
  });

  it('says which coordinate is wrong, in English when the request asks for it', async () => {
    const res = await h.get('/tiles/25/0/0.png', { headers: { 'Accept-Language': 'en' } });
    const [e] = (await res.json()) as { description: string }[];
    expect(res.status).toBe(400);
    expect(e!.description).toContain('zoom (z)');
    expect(e!.description).toContain('19');
  });

  it('tells the app to use these tiles when no other tile server is configured', async () => {
    const res = await h.get('/api/v1/map-source');
    expect(MapSourceSchema.parse(await res.json())).toEqual({
      url: '/tiles/{z}/{x}/{y}.png',
      attribution: null,
      maxZoom: 19,
    });
  });
});

describe('a tile server elsewhere (TILE_URL, TILE_ATTRIBUTION)', () => {
  let other: Harness;
  beforeAll(async () => {
    other = await startServer({
      env: {
        TILE_URL: 'https://tiles.example.ir/{z}/{x}/{y}.png',
        TILE_ATTRIBUTION: '© OpenStreetMap contributors',
      },
    });
  });
  afterAll(() => other.stop());

  it('gives the app its template and the credit to show, and lets the page load images from it', async () => {
    const res = await other.get('/api/v1/map-source');
    expect(await res.json()).toEqual({
      url: 'https://tiles.example.ir/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap contributors',
      maxZoom: 19,
    });
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/img-src 'self' data: blob: https:\/\/tiles\.example\.ir(;|$)/);
  });
});
