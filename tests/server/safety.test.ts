import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectPersianError, FIRST_GLN, type Harness, startServer } from './harness.ts';

let h: Harness;
const staticDir = mkdtempSync(join(tmpdir(), 'kbf-static-'));
beforeAll(async () => {
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><html lang="fa" dir="rtl"><title>app</title></html>',
  );
  writeFileSync(join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(staticDir, 'assets', 'index-AbCdEf12.js'), 'console.log(1)');
  h = await startServer({ staticDir });
});
afterAll(async () => {
  await h.stop();
  rmSync(staticDir, { recursive: true, force: true });
});

describe('security headers', () => {
  it('sends the CSP, nosniff, referrer and permissions policies on every response', async () => {
    for (const path of [
      '/',
      `/api/v1/locations/${FIRST_GLN}`,
      '/demo/plates',
      '/desk/queue',
      '/api/v1/locations/1',
    ]) {
      const res = await h.get(path, { headers: { Accept: 'text/html' } });
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBeTruthy();
      expect(res.headers.get('permissions-policy')).toContain('camera=(self)');
      expect(res.headers.get('permissions-policy')).toContain('geolocation=(self)');
    }
  });
});

describe('the built app', () => {
  it('serves hashed assets as immutable and index.html and sw.js as no-cache', async () => {
    expect((await h.get('/assets/index-AbCdEf12.js')).headers.get('cache-control')).toContain('immutable');
    expect((await h.get('/sw.js')).headers.get('cache-control')).toBe('no-cache');
    const index = await h.get('/', { headers: { Accept: 'text/html' } });
    expect(index.headers.get('cache-control')).toBe('no-cache');
  });

  it("falls back to index.html for app routes but not for the service's own paths", async () => {
    const place = await h.get(`/place/${FIRST_GLN}`, { headers: { Accept: 'text/html' } });
    expect(place.status).toBe(200);
    expect(await place.text()).toContain('dir="rtl"');
    for (const p of ['/api/v1/nothing', '/open311/v2/nothing', '/demo/nothing', '/.well-known/nothing'])
      await expectPersianError(await h.get(p, { headers: { Accept: 'text/html' } }), 404);
    await expectPersianError(await h.get('/place/x', { headers: { Accept: 'application/json' } }), 404);
    await expectPersianError(
      await h.get('/..%2f..%2fetc/passwd', { headers: { Accept: 'application/json' } }),
      404,
    );
  });
});

describe('pages the service renders', () => {
  it('renders printable plates: Persian, RTL, inline SVG QR with the Digital Link URI, both colourways, no inline scripts', async () => {
    const html = await (await h.get('/demo/plates')).text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('<svg');
    expect(html).toContain(`${h.url}/414/${FIRST_GLN}`);
    expect(html).toContain('شناسه مکان');
    expect(html).toContain('plate--dark');
    expect(html).not.toMatch(/<script(?![^>]*src=)/);
    expect(html).not.toContain('style=');
  });
});

describe('abuse and malformed input', () => {
  it('answers an oversized complaint body with 413 in Persian', async () => {
    const huge = JSON.stringify({
      service_code: 'no_invoice',
      address_id: FIRST_GLN,
      description: 'ا'.repeat(100_000),
    });
    await expectPersianError(await h.post('/open311/v2/requests.json', huge), 413, 'too-large');
  });

  it('answers an unsupported content type with 415 and never a 5xx', async () => {
    const res = await fetch(`${h.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml', 'X-Install-Token': h.installToken },
      body: '<x/>',
    });
    await expectPersianError(res, 415);
  });

  it('never answers garbage with a 5xx, a stack trace or SQL', async () => {
    const bodies = [
      'null',
      '1',
      '"x"',
      '{"service_code":{"$gt":""}}',
      `{"service_code":"overpricing","address_id":"${FIRST_GLN}' OR 1=1 --"}`,
      '{"attribute":[1,2]}',
      '\u0000\u0001',
    ];
    for (const b of bodies) {
      const res = await h.post('/open311/v2/requests.json', b);
      expect(res.status, b).toBeGreaterThanOrEqual(400);
      expect(res.status, b).toBeLessThan(500);
      const text = await res.text();
      expect(text).not.toMatch(/at .+\.ts:\d+|SQLITE|SELECT|INSERT/);
    }
    for (const b of ['null', '{"service_request_id":"A","action":"follow_up"}'])
      expect(
        (
          await h.post('/open311/v2/servicerequestupdates.json', b, {
            Authorization: 'Bearer whatever-token',
          })
        ).status,
      ).toBeLessThan(500);
  });

  it('limits writes per install with a token bucket and says when to retry', async () => {
    const tight = await startServer({ limits: { install: { burst: 3, perSecond: 0.01 } } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (
            await tight.post('/open311/v2/requests.json', {
              service_code: 'no_invoice',
              address_id: FIRST_GLN,
            })
          ).status,
        );
      expect(statuses.slice(0, 3)).toEqual([201, 201, 201]);
      const limited = await tight.post('/open311/v2/requests.json', {
        service_code: 'no_invoice',
        address_id: FIRST_GLN,
      });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      await expectPersianError(limited, 429, 'rate-limited');
      expect((await tight.get(`/api/v1/locations/${FIRST_GLN}`)).status).toBe(200); // reads are not limited
    } finally {
      await tight.stop();
    }
  });
});
