import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticCache, STATIC_CACHE_MAX_FILES } from '../../../src/server/http/static-cache.ts';
import { type Harness, startServer } from '../harness.ts';

// Issue 11, point 3: the static-file cache remembered every path asked for, found or not, so
// tens of thousands of distinct GETs grew the process from ~130 MB to ~750 MB. Misses must not
// be kept, and what is kept is bounded. (The memory itself, before and after, is measured by
// `npm run bench:static-flood`; here the cache's own size is the witness, exactly.)

let h: Harness;
beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'kbf-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="fa" dir="rtl"><title>ک</title></html>');
  writeFileSync(join(dist, 'assets/app-AbCdEf12.js'), 'export {};\n');
  h = await startServer({ staticDir: dist });
});
afterAll(() => h.stop());

describe('a flood of distinct paths', () => {
  it('leaves the static cache holding only files that exist', async () => {
    // Let the start-up warm pass finish, then flood: assets, pages (SPA fallback) and junk.
    await h.get('/assets/app-AbCdEf12.js');
    const before = h.deps.staticCache.size;
    for (let i = 0; i < 1000; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, j) => {
          const n = i + j;
          const accept = n % 2 ? 'text/html' : '*/*';
          return h
            .get(`/assets/x-${n}.js?n=${n}`, { headers: { Accept: accept } })
            .then((r) => r.arrayBuffer());
        }),
      );
    }
    await new Promise((r) => setTimeout(r, 50)); // the last misses settle
    expect(before).toBeGreaterThan(0);
    expect(h.deps.staticCache.size).toBe(before);
    expect((await h.get('/assets/app-AbCdEf12.js')).status).toBe(200);
  }, 30_000);

  it('is bounded even for files that exist, dropping the least recently loaded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kbf-many-'));
    for (let i = 0; i < 20; i++) writeFileSync(join(dir, `f${i}.txt`), `${i}`);
    const cache = createStaticCache(8);
    for (let i = 0; i < 20; i++) expect(await cache.get(join(dir, `f${i}.txt`))).toBeTruthy();
    expect(cache.size).toBe(8);
    expect(STATIC_CACHE_MAX_FILES).toBeGreaterThan(100); // the real build (a few dozen files) fits
  });
});
