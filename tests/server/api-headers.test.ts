import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../../src/server/service.ts';
import { FIRST_GLN, type Harness, startServer } from './harness.ts';

// The headers every answer of the public API must carry, whatever produced it (the route, an
// error, the write limiter), as the lookup hot path is tuned: the security headers, and CORS so
// that a partner's page on another origin can read the answer and its ETag / Retry-After.
// The harness asks for its install token at start: with an anonymous burst of 1, the next
// anonymous write is refused, so the limiter's answer can be looked at too.

let h: Harness;
beforeAll(async () => {
  h = await startServer({ limits: { anonymous: { burst: 1, perSecond: 0.001 } } });
});
afterAll(() => h.stop());

const ORIGIN = { Origin: 'https://partner.example' };

function expectSecured(res: Response, what: string) {
  const headers = Object.fromEntries(res.headers);
  expect(headers['content-security-policy'], what).toContain("default-src 'self'");
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['referrer-policy'], what).toBeTruthy();
  expect(headers['permissions-policy'], what).toContain('camera=(self)');
  // Fetch standard, CORS check: "If the Access-Control-Allow-Origin header is `*` … return success".
  expect(headers['access-control-allow-origin'], what).toBe('*');
  // Fetch standard, "CORS-safelisted response-header name": anything else (ETag, Retry-After)
  // is readable only when Access-Control-Expose-Headers names it.
  const exposed = (headers['access-control-expose-headers'] ?? '').toLowerCase().split(/\s*,\s*/);
  expect(exposed, what).toEqual(expect.arrayContaining(['etag', 'retry-after', 'location']));
}

describe('answers of the public API', () => {
  it('carry the security headers and CORS on 200, 304, 400 and 404 lookups', async () => {
    const path = `/api/v1/locations/${FIRST_GLN}`;
    const ok = await h.get(path, { headers: ORIGIN });
    expect(ok.status).toBe(200);
    expectSecured(ok, '200');
    const etag = ok.headers.get('etag')!;
    const notModified = await h.get(path, { headers: { ...ORIGIN, 'If-None-Match': etag } });
    expect(notModified.status).toBe(304);
    expectSecured(notModified, '304');
    expect(notModified.headers.get('etag')).toBe(etag);
    const bad = await h.get('/api/v1/locations/123', { headers: ORIGIN });
    expect(bad.status).toBe(400);
    expectSecured(bad, '400');
    const unknown = await h.get('/api/v1/locations/9520123456788', { headers: ORIGIN });
    expect(unknown.status).toBe(404);
    expectSecured(unknown, '404');
  });

  it("carry them on the write limiter's 429 and on Open311's XML errors", async () => {
    const limited = await fetch(`${h.url}/api/v1/installs`, { method: 'POST', headers: ORIGIN });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expectSecured(limited, '429');
    const xml = await h.get('/open311/v2/requests/nothing-here.xml', { headers: ORIGIN });
    expect(xml.headers.get('content-type')).toContain('xml');
    expectSecured(xml, 'open311 xml error');
  });

  it('state a Content-Length that counts the bytes of the Persian record, and HEAD the same validators', async () => {
    const path = `/api/v1/locations/${FIRST_GLN}`;
    const res = await h.get(path);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    expect(JSON.parse(bytes.toString('utf8')).gln).toBe(FIRST_GLN);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const head = await h.get(path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(res.headers.get('etag'));
    // RFC 9110 §8.6: a server "MUST NOT send Content-Length in such a response unless its field
    // value equals the decimal number of octets that would have been sent" to a GET.
    const headLength = head.headers.get('content-length');
    if (headLength !== null) expect(headLength).toBe(res.headers.get('content-length'));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });
});

describe('the same app without a socket', () => {
  it('gives in-process callers (app.fetch) the same headers and bytes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kbf-inproc-'));
    const service = await createService({ dataDir, seedPerCity: 10 });
    try {
      const path = `/api/v1/locations/${FIRST_GLN}`;
      const res = await service.app.request(path, { headers: ORIGIN });
      expect(res.status).toBe(200);
      expectSecured(res, 'in-process 200');
      const onSocket = await h.get(path);
      expect(await res.text()).toBe(await onSocket.text());
      const notModified = await service.app.request(path, {
        headers: { ...ORIGIN, 'If-None-Match': res.headers.get('etag')! },
      });
      expect(notModified.status).toBe(304);
      expectSecured(notModified, 'in-process 304');
    } finally {
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('CORS preflight of the API', () => {
  it('lets another origin send the headers the app writes with, without reaching a route', async () => {
    // Fetch standard, CORS-preflight fetch: the request header names of the actual request must
    // be listed in Access-Control-Allow-Headers, and its method in Access-Control-Allow-Methods.
    const res = await fetch(`${h.url}/open311/v2/requests.json`, {
      method: 'OPTIONS',
      headers: {
        ...ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-install-token,idempotency-key',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const methods = res.headers.get('access-control-allow-methods')!.split(',');
    expect(methods).toEqual(expect.arrayContaining(['GET', 'POST']));
    const allowed = res.headers.get('access-control-allow-headers')!.toLowerCase().split(',');
    expect(allowed).toEqual(
      expect.arrayContaining(['content-type', 'x-install-token', 'idempotency-key', 'authorization']),
    );
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
