import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinksetSchema, ResolverDescriptionSchema } from '../../src/api/index.ts';
import { expectPersianError, FIRST_GLN, type Harness, startServer } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h.stop());

describe('GS1 resolver for AI 414', () => {
  it('redirects a plain scan with 307 to the shop page, passing the query string and announcing the linkset', async () => {
    const res = await h.get(`/414/${FIRST_GLN}?utm_source=plate`);
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe(`${h.url}/place/${FIRST_GLN}?utm_source=plate`);
    expect(res.headers.get('link')).toContain('rel="linkset"');
    expect(res.headers.get('link')).toContain(`/414/${FIRST_GLN}?linkType=linkset`);
  });

  it('serves an RFC 9264 linkset for linkType=linkset that matches the GS1 linkset shape', async () => {
    const res = await h.get(`/414/${FIRST_GLN}?linkType=linkset`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/linkset+json');
    const body = LinksetSchema.parse(await res.json());
    const ctx = body.linkset[0]!;
    expect(ctx.anchor).toBe(`${h.url}/414/${FIRST_GLN}`);
    expect(ctx.itemDescription).toContain('سوپرمارکت آفتاب');
    for (const t of ['defaultLink', 'registryEntry', 'verificationService', 'locationInfo']) {
      const targets = ctx[`https://gs1.org/voc/${t}`] as { href: string; title: string }[];
      expect(targets.length).toBeGreaterThan(0);
      expect(targets[0]!.href).toMatch(/^https?:\/\//);
      expect(targets[0]!.title.length).toBeGreaterThan(0);
    }
    expect(ctx['https://kalabefi.ir/voc/complaintIntake']).toBeDefined();
  });

  it('serves the linkset for Accept: application/linkset+json and for the deprecated linkType=all', async () => {
    const byAccept = await h.get(`/414/${FIRST_GLN}`, { headers: { Accept: 'application/linkset+json' } });
    expect(byAccept.status).toBe(200);
    LinksetSchema.parse(await byAccept.json());
    const all = await h.get(`/414/${FIRST_GLN}?linkType=all`);
    expect(all.status).toBe(200);
    LinksetSchema.parse(await all.json());
  });

  it('redirects to a requested link type given as gs1:X, as a full URI, or 404 for one it does not have', async () => {
    const short = await h.get(`/414/${FIRST_GLN}?linkType=gs1:registryEntry`);
    expect(short.status).toBe(307);
    // "SHALL pass on all key=value pairs in the query string", linkType included.
    expect(short.headers.get('location')).toBe(
      `${h.url}/api/v1/locations/${FIRST_GLN}?linkType=gs1%3AregistryEntry`,
    );
    const full = await h.get(
      `/414/${FIRST_GLN}?linkType=${encodeURIComponent('https://gs1.org/voc/locationInfo')}`,
    );
    expect(full.status).toBe(307);
    expect(full.headers.get('location')).toContain('openstreetmap.org');
    await expectPersianError(await h.get(`/414/${FIRST_GLN}?linkType=gs1:pip`), 404, 'unknown-link-type');
  });

  it('resolves a known AI 254 extension to its own shop page and walks an unknown one up to the GLN', async () => {
    const known = await h.get(`/414/${FIRST_GLN}/254/E1`);
    expect(known.headers.get('location')).toBe(`${h.url}/place/${FIRST_GLN}/E1`);
    const unknown = await h.get(`/414/${FIRST_GLN}/254/NOPE`);
    expect(unknown.status).toBe(307);
    expect(unknown.headers.get('location')).toBe(`${h.url}/place/${FIRST_GLN}`);
  });

  it('tolerates a trailing slash', async () => {
    const res = await h.get(`/414/${FIRST_GLN}/`);
    expect(res.status).toBe(307);
  });

  it('answers a malformed path with 400 and never 200', async () => {
    for (const path of [
      '/414/12345',
      '/414/6260000000018',
      '/414/abcdefghijklm',
      `/414/${FIRST_GLN}/10/ABC`,
      `/414/${FIRST_GLN}/254`,
      `/414/${FIRST_GLN}/254/%E2%9C%93`,
      `/414/${FIRST_GLN}?254=E1`,
      '/414/%zz',
    ]) {
      const res = await h.get(path);
      expect(res.status, path).toBe(400);
      await expectPersianError(res, 400);
    }
  });

  it('answers an unknown but well-formed GLN with 404 and a Persian message', async () => {
    await expectPersianError(await h.get('/414/9520123456788'), 404, 'not-found');
  });

  it('supports HEAD and a CORS preflight', async () => {
    const head = await h.get(`/414/${FIRST_GLN}`, { method: 'HEAD' });
    expect(head.status).toBe(307);
    const pre = await h.get(`/414/${FIRST_GLN}`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://example.org', 'Access-Control-Request-Method': 'GET' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('describes itself at /.well-known/gs1resolver', async () => {
    const res = await h.get('/.well-known/gs1resolver');
    expect(res.status).toBe(200);
    const d = ResolverDescriptionSchema.parse(await res.json());
    expect(d.supportedPrimaryKeys).toEqual(['414', '01']);
    expect(d.resolverRoot).toBe(h.url);
  });
});
