import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinksetSchema, type LinkTarget, ResolverDescriptionSchema } from '../../src/api/index.ts';
import { decompressSegment, uncompressedUri } from '../../src/server/resolver/decompress.ts';
import { FIRST_GLN, type Harness, startServer } from './harness.ts';
import { parseLinkHeader } from './resolver-suite.ts';

// The points of the GS1-Conformant Resolver standard (1.2.0) the resolver used to miss, each
// against the real server. Clauses are quoted in the test names.

const VOC = 'https://gs1.org/voc/';
const CONTEXT_FILE = 'https://ref.gs1.org/standards/resolver/1.2.0/linkset-context';

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h.stop());

async function linkset(path: string) {
  const res = await h.get(path, { headers: { Accept: 'application/linkset+json' } });
  expect(res.status).toBe(200);
  return { res, body: LinksetSchema.parse(await res.json()) };
}
const targets = (ctx: Record<string, unknown>, type: string) => ctx[VOC + type] as LinkTarget[];

describe('the linkset', () => {
  it('"When requesting the linkset the HTTP response headers SHOULD include a Link header pointing to a JSON-LD context file"', async () => {
    const { res } = await linkset(`/414/${FIRST_GLN}`);
    const context = parseLinkHeader(res.headers.get('link') ?? '').find(
      (l) => l.params.rel === 'http://www.w3.org/ns/json-ld#context',
    );
    expect(context).toEqual({
      href: CONTEXT_FILE,
      params: { rel: 'http://www.w3.org/ns/json-ld#context', type: 'application/ld+json' },
    });
  });

  it('"[the default link] SHALL include a title, but SHALL NOT include other attributes", and its target is listed again, with its attributes, under gs1:registryEntry', async () => {
    const { body } = await linkset(`/414/${FIRST_GLN}`);
    const ctx = body.linkset[0]!;
    const [def, ...more] = targets(ctx, 'defaultLink');
    expect(more).toEqual([]);
    expect(Object.keys(def!).sort()).toEqual(['href', 'title']);
    expect(def!.href).toBe(`${h.url}/place/${FIRST_GLN}`);
    expect(targets(ctx, 'registryEntry')).toContainEqual(
      expect.objectContaining({ href: def!.href, type: 'text/html', hreflang: ['fa'] }),
    );
  });

  it('gives the map link (gs1:locationInfo) its language, like every descriptive link', async () => {
    const { body } = await linkset(`/414/${FIRST_GLN}`);
    const ctx = body.linkset[0]!;
    expect(targets(ctx, 'locationInfo')[0]).toMatchObject({ hreflang: ['fa'], type: 'text/html' });
    for (const [type, value] of Object.entries(ctx)) {
      if (type === 'anchor' || type === 'itemDescription' || type === `${VOC}defaultLink`) continue;
      for (const t of value as LinkTarget[]) expect(t.hreflang, `${type} ${t.href}`).toEqual(['fa']);
    }
  });

  it('"If the request GS1 Digital Link URI includes one or more key qualifiers, any links associated with each level up to the primary key SHALL be included"', async () => {
    const { body } = await linkset(`/414/${FIRST_GLN}/254/E1`);
    expect(body.linkset.map((c) => c.anchor)).toEqual([
      `${h.url}/414/${FIRST_GLN}/254/E1`,
      `${h.url}/414/${FIRST_GLN}`,
    ]);
    const [ext, gln] = body.linkset;
    expect(targets(ext!, 'defaultLink')[0]!.href).toBe(`${h.url}/place/${FIRST_GLN}/E1`);
    expect(targets(gln!, 'defaultLink')[0]!.href).toBe(`${h.url}/place/${FIRST_GLN}`);
    expect(targets(gln!, 'locationInfo')[0]!.href).toContain('openstreetmap.org');
    // A link type only the GLN has is followed from the sub-location too (walking up).
    const map = await h.get(`/414/${FIRST_GLN}/254/E1?linkType=gs1:locationInfo`);
    expect(map.status).toBe(307);
    expect(map.headers.get('location')).toContain('openstreetmap.org');
  });

  it('has a single context, for the GLN, when the extension is unknown (walked up)', async () => {
    const { body } = await linkset(`/414/${FIRST_GLN}/254/NOPE`);
    expect(body.linkset.map((c) => c.anchor)).toEqual([`${h.url}/414/${FIRST_GLN}`]);
  });
});

describe('redirects', () => {
  it('"By default, SHALL pass on all key=value pairs in the query string of the request URI (if present) when redirecting" — to every link type', async () => {
    for (const type of [
      'gs1:verificationService',
      'gs1:locationInfo',
      'gs1:registryEntry',
      'complaintIntake',
    ]) {
      const res = await h.get(`/414/${FIRST_GLN}?linkType=${type}&utm_source=plate&utm_medium=qr`);
      expect(res.status, type).toBe(307);
      const location = new URL(res.headers.get('location')!);
      expect(location.searchParams.get('utm_source'), type).toBe('plate');
      expect(location.searchParams.get('utm_medium'), type).toBe('qr');
    }
    // The target's own query stays: the verification page keeps its view.
    const verify = new URL(
      (await h.get(`/414/${FIRST_GLN}?linkType=gs1:verificationService&a=1`)).headers.get('location')!,
    );
    expect(verify.searchParams.get('view')).toBe('verify');
    expect(verify.searchParams.get('a')).toBe('1');
  });

  it('picks among links of one type by Accept: a browser gets the registry page, other clients the JSON record', async () => {
    const browser = await h.get(`/414/${FIRST_GLN}?linkType=gs1:registryEntry`, {
      headers: { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    expect(new URL(browser.headers.get('location')!).pathname).toBe(`/place/${FIRST_GLN}`);
    const api = await h.get(`/414/${FIRST_GLN}?linkType=gs1:registryEntry`, {
      headers: { Accept: 'application/json' },
    });
    expect(new URL(api.headers.get('location')!).pathname).toBe(`/api/v1/locations/${FIRST_GLN}`);
    expect(api.headers.get('vary')).toContain('Accept');
  });
});

describe('CORS', () => {
  it('"SHALL support HTTP 1.1 (or higher) GET, HEAD and OPTIONS requests" — and announces those methods only', async () => {
    for (const path of [`/414/${FIRST_GLN}`, '/.well-known/gs1resolver']) {
      const pre = await h.get(path, {
        method: 'OPTIONS',
        headers: { Origin: 'https://partner.example', 'Access-Control-Request-Method': 'GET' },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('*');
      expect(pre.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
    }
    const get = await h.get(`/414/${FIRST_GLN}`, { headers: { Origin: 'https://partner.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
    expect(get.headers.get('access-control-expose-headers')).toContain('Link');
    // The complaint API, which takes writes, keeps its own wider list.
    const api = await h.get('/open311/v2/services.json', {
      method: 'OPTIONS',
      headers: { Origin: 'https://partner.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(api.headers.get('access-control-allow-methods')).toContain('POST');
  });
});

describe('the resolver description file', () => {
  it('"SHALL provide a resolver description file at /.well-known/gs1resolver", naming the linkset context file', async () => {
    const res = await h.get('/.well-known/gs1resolver');
    const d = ResolverDescriptionSchema.parse(await res.json());
    expect(d.jsonLdContextLocation).toBe(CONTEXT_FILE);
    expect(d.resolverRoot).toBe(h.url);
  });
});

// Compressed forms made by GS1's reference toolkit (GS1DigitalLinkToolkit.js, compressGS1DigitalLink,
// with and without its optimisation table) for the URIs beside them.
const GS1_TOOLKIT_VECTORS: [string, string][] = [
  ['QUWxhROIEw', '/414/6260000000019'],
  ['nULhWxhROIEw', '/414/6260000000019/254/E1'],
  ['JUQuFBRbGFE4gT', '/414/6260000000019/254/E1'],
  ['nWQD7XaKiTk60U', '/414/9520123456788/254/A-12'],
  ['JUZAPtdkFIqJOTrRQ', '/414/9520123456788/254/A-12'],
  ['CxFKk4XBoIdXg', '/01/09506000134352/10/ABC'],
  ['QUWxhROIE_FXWzf2UXVuPMLTK1a8', '/414/6260000000019?utm_source=plate'],
];

describe('compressed Digital Link URIs', () => {
  it('"SHALL be able to decompress a URI to generate a GS1 Digital Link URI, in accordance with GS1 Digital Link: Compression"', () => {
    for (const [segment, path] of GS1_TOOLKIT_VECTORS) {
      const link = decompressSegment(segment);
      expect(link, segment).not.toBeNull();
      expect(uncompressedUri(link!, 'https://r.example'), segment).toBe(`https://r.example${path}`);
    }
    // App pages and typos are not compressed links; a flipped last character breaks the check digit.
    for (const segment of ['complaints', 'history', 'QUWxhROIEx', 'abcdefghijklmnop', 'QUWxhROIEw%'])
      expect(decompressSegment(segment), segment).toBeNull();
  });

  it('"If handling a compressed request URI, it SHALL expose the uncompressed URI in the Link response header with a rel value of owl:sameAs", and answers as for the uncompressed one', async () => {
    const plain = await h.get(`/414/${FIRST_GLN}/254/E1?utm_source=plate`);
    const compressed = await h.get('/nULhWxhROIEw?utm_source=plate');
    expect(compressed.status).toBe(307);
    expect(compressed.headers.get('location')).toBe(plain.headers.get('location'));
    const same = parseLinkHeader(compressed.headers.get('link') ?? '').find(
      (l) => l.params.rel === 'owl:sameAs',
    );
    expect(same?.href).toBe(`${h.url}/414/${FIRST_GLN}/254/E1?utm_source=plate`);
    expect(compressed.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('"The URI used as the subject of facts presented SHALL be the uncompressed version"', async () => {
    const { body } = await linkset('/QUWxhROIEw');
    expect(body.linkset[0]!.anchor).toBe(`${h.url}/414/${FIRST_GLN}`);
  });

  it('answers 404 for a compressed key it holds no data for, and leaves app pages alone', async () => {
    expect((await h.get('/CxFKk4XBoIdXg')).status).toBe(404);
    const page = await h.get('/complaints');
    expect(page.headers.get('link')).toBeNull();
  });
});
