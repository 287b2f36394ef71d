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
    '<!doctype html><html lang="fa" dir="rtl"><title>کالا به فی</title></html>',
  );
  writeFileSync(join(dist, 'assets/index-AbCdEf12.js'), script);
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
});
