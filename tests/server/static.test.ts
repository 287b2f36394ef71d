import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startServer } from './harness.ts';

let h: Harness;
const script = `export const shell = ${JSON.stringify('کالا به فی '.repeat(400))};\n`;

beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'kbf-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><html lang="fa" dir="rtl"><head><title>کالا به فی</title></head><body></body></html>',
  );
  writeFileSync(join(dist, 'assets/index-AbCdEf12.js'), script);
  // What the build lists for the shop page (vite.config.ts, routePreloads).
  writeFileSync(
    join(dist, 'route-preloads.json'),
    JSON.stringify({
      '/place/': { scripts: ['assets/PlacePage-AbCdEf12.js'], styles: ['assets/PlacePage-AbCdEf12.css'] },
    }),
  );
  h = await startServer({ staticDir: dist });
});
afterAll(() => h.stop());

describe('serving the built app', () => {
  it('sends JavaScript compressed to a browser that accepts brotli, intact once decoded', async () => {
    const res = await h.get('/assets/index-AbCdEf12.js', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await res.text()).toBe(script);
  });

  it('falls back to gzip, and to plain bytes when no encoding is accepted', async () => {
    const gz = await h.get('/assets/index-AbCdEf12.js', { headers: { 'Accept-Encoding': 'gzip, br;q=0' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(await gz.text()).toBe(script);
    const plain = await h.get('/assets/index-AbCdEf12.js', { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('marks hashed assets immutable and the page itself no-cache so updates reach installed apps', async () => {
    const asset = await h.get('/assets/index-AbCdEf12.js');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const page = await h.get('/history', { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('dir="rtl"');
  });

  it('answers an unknown asset with 404, not the page', async () => {
    const res = await h.get('/assets/missing-00000000.js', { headers: { Accept: '*/*' } });
    expect(res.status).toBe(404);
  });

  it("names a shop page's chunks and styles in the shell it sends for /place/, so they load with the entry", async () => {
    const res = await h.get('/place/6260000000019', {
      headers: { Accept: 'text/html', 'Accept-Encoding': 'gzip, br' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('<link rel="modulepreload" crossorigin href="/assets/PlacePage-AbCdEf12.js">');
    expect(head).toContain(
      '<link rel="preload" as="style" crossorigin href="/assets/PlacePage-AbCdEf12.css">',
    );
    expect(html).toContain('<title>کالا به فی</title>');
  });

  it('sends other routes the plain shell', async () => {
    const html = await (await h.get('/history', { headers: { Accept: 'text/html' } })).text();
    expect(html).not.toContain('modulepreload');
    const index = await (await h.get('/index.html')).text();
    expect(index).not.toContain('PlacePage');
  });
});
