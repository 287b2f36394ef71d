import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinksetSchema, ProductRecordSchema, ResolverDescriptionSchema } from '../../src/api/index.ts';
import { checkGtin, displayGtin } from '../../src/api/product-code.ts';
import { gs1CheckDigit, hasValidCheckDigit } from '../../src/gs1/index.ts';
import { generateProducts, pickDemoProducts } from '../../src/server/seed/products.ts';
import { GUILDS } from '../../src/server/seed/tables.ts';
import { expectPersianError, type Harness, startServer } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h.stop());

const products = generateProducts();
const demo = pickDemoProducts(products);
const oil = demo.find((p) => p.barcode === 'ean13')!;
/** The same 13 data digits with the wrong check digit. */
const wrongCheck = (gtin: string) => gtin.slice(0, -1) + ((Number(gtin.at(-1)) + 1) % 10);

describe('demo product registry', () => {
  it('holds a few thousand products, each a valid record with a unique GTIN', () => {
    expect(products.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(products.map((p) => p.gtin)).size).toBe(products.length);
    for (const p of products) ProductRecordSchema.parse(p);
  });

  it('is the same on every run (deterministic seed)', () => {
    expect(generateProducts().slice(0, 50)).toEqual(products.slice(0, 50));
  });

  it('gives every GTIN a valid GS1 check digit (General Specifications 7.9.1)', () => {
    for (const p of products) expect(hasValidCheckDigit(p.gtin), p.gtin).toBe(true);
  });

  it('numbers Iranian goods under GS1 Iran prefix 626; UPC-A only for imports', () => {
    for (const p of products) {
      const shown = displayGtin(p.gtin);
      if (p.barcode === 'upca') {
        expect(shown).toHaveLength(12);
        expect(p.party.role).toBe('importer');
      } else {
        expect(shown.startsWith('626'), shown).toBe(true);
        expect(shown).toHaveLength(p.barcode === 'ean8' ? 8 : 13);
      }
    }
  });

  it('spreads products over the seeded guilds that sell goods, with prices in whole rials', () => {
    const guilds = new Set(products.map((p) => p.guild.code));
    expect(guilds.size).toBeGreaterThanOrEqual(10);
    for (const code of guilds) expect(GUILDS.some((g) => g.code === code)).toBe(true);
    for (const p of products) {
      if (p.printedPrice !== null) expect(p.printedPrice % 1000).toBe(0);
      if (p.approvedPrice) expect(p.approvedPrice.approvedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(products.filter((p) => p.approvedPrice).length).toBeGreaterThan(100);
    expect(products.filter((p) => p.party.role === 'importer').length).toBeGreaterThan(100);
  });

  it('has one demo product per symbol the app reads', () => {
    expect(demo.map((p) => p.barcode).sort()).toEqual(
      ['databar', 'ean13', 'ean8', 'gs1-128', 'gs1datamatrix', 'upca'].sort(),
    );
    expect(oil.approvedPrice!.rials).toBeLessThan(oil.printedPrice!);
  });
});

describe('GET /api/v1/products/{gtin}', () => {
  it('answers the record with an ETag, and 304 to a matching If-None-Match', async () => {
    const res = await h.get(`/api/v1/products/${oil.gtin}`);
    expect(res.status).toBe(200);
    const body = ProductRecordSchema.parse(await res.json());
    expect(body).toEqual(oil);
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await h.get(`/api/v1/products/${oil.gtin}`, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    const other = await h.get(`/api/v1/products/${oil.gtin}`, { headers: { 'If-None-Match': '"other"' } });
    expect(other.status).toBe(200);
  });

  it('takes the GTIN as printed under the barcode (GTIN-8, -12, -13) as well as its 14-digit form', async () => {
    for (const p of demo.filter((d) => ['ean8', 'upca', 'ean13'].includes(d.barcode))) {
      const res = await h.get(`/api/v1/products/${displayGtin(p.gtin)}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { gtin: string }).gtin).toBe(p.gtin);
    }
  });

  it('refuses a wrong check digit with 400 bad-check-digit, in Persian', async () => {
    await expectPersianError(await h.get(`/api/v1/products/${wrongCheck(oil.gtin)}`), 400, 'bad-check-digit');
  });

  it('refuses a malformed GTIN with 400 bad-gtin', async () => {
    await expectPersianError(await h.get('/api/v1/products/62610'), 400, 'bad-gtin');
    await expectPersianError(await h.get('/api/v1/products/62610030000a2'), 400, 'bad-gtin');
  });

  it('answers 404 for a valid GTIN that is not registered', async () => {
    const unknown = `0626999900000`;
    const gtin = unknown + gs1CheckDigit(unknown);
    expect(checkGtin(gtin).ok).toBe(true);
    await expectPersianError(await h.get(`/api/v1/products/${gtin}`), 404, 'not-found');
  });
});

describe('GS1 resolver for AI 01', () => {
  it('redirects /01/{gtin} with 307 to the product page and announces the linkset', async () => {
    const res = await h.get(`/01/${oil.gtin}`);
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe(`${h.url}/product/${oil.gtin}`);
    expect(res.headers.get('link')).toContain(`<${h.url}/01/${oil.gtin}?linkType=linkset>; rel="linkset"`);
  });

  it('passes a batch on to the page, and the query (AI 17 expiry) with it', async () => {
    // Resolver 1.2: "SHALL pass on all key=value pairs in the query string ... when redirecting".
    const res = await h.get(`/01/${oil.gtin}/10/L24A?17=240731`);
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe(`${h.url}/product/${oil.gtin}?10=L24A&17=240731`);
  });

  it('serves a linkset with the batch level first and then its GTIN', async () => {
    // "If the request ... includes one or more key qualifiers, any links associated with each
    // level up to the primary key SHALL be included".
    const res = await h.get(`/01/${oil.gtin}/10/L24A?linkType=linkset`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/linkset+json');
    const body = LinksetSchema.parse(await res.json());
    expect(body.linkset.map((l) => l.anchor)).toEqual([
      `${h.url}/01/${oil.gtin}/10/L24A`,
      `${h.url}/01/${oil.gtin}`,
    ]);
    const gtinLevel = body.linkset[1]!;
    expect(gtinLevel.itemDescription).toContain(oil.name);
    const master = gtinLevel['https://gs1.org/voc/masterData'] as { href: string }[];
    expect(master[0]!.href).toBe(`${h.url}/api/v1/products/${oil.gtin}`);
    expect(gtinLevel['https://gs1.org/voc/pip']).toBeDefined();
  });

  it('follows a requested link type: gs1:masterData is the JSON record', async () => {
    const res = await h.get(`/01/${oil.gtin}?linkType=gs1:masterData`);
    expect(res.status).toBe(307);
    const next = await h.get(new URL(res.headers.get('location')!).pathname);
    expect(ProductRecordSchema.parse(await next.json()).gtin).toBe(oil.gtin);
  });

  it('answers 404 for an unknown GTIN and 400 for a malformed or mis-checked one, never 200', async () => {
    const unknown = `0626999900000`;
    await expectPersianError(await h.get(`/01/${unknown}${gs1CheckDigit(unknown)}`), 404, 'not-found');
    await expectPersianError(await h.get(`/01/${wrongCheck(oil.gtin)}`), 400, 'bad-check-digit');
    // General Specifications 3.2: AI 01 is N2+N14; a Digital Link carries the 14-digit form.
    await expectPersianError(await h.get(`/01/${oil.gtin.slice(1)}`), 400, 'bad-path');
    // A key qualifier belongs in the path, never in the query; AI 17 must be a date.
    await expectPersianError(await h.get(`/01/${oil.gtin}?10=L24A`), 400, 'bad-query');
    await expectPersianError(await h.get(`/01/${oil.gtin}?17=241399`), 400, 'bad-query');
  });

  it('lists AI 01 among its primary keys', async () => {
    const d = ResolverDescriptionSchema.parse(await (await h.get('/.well-known/gs1resolver')).json());
    expect(d.supportedPrimaryKeys).toContain('01');
  });
});

describe('/demo/products', () => {
  it('shows a barcode of each kind, each linking to its product', async () => {
    const res = await h.get('/demo/products');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const label of ['EAN-13', 'EAN-8', 'UPC-A', 'GS1 DataMatrix', 'GS1-128', 'GS1 DataBar'])
      expect(html).toContain(`<p class="code__kind">${label}`);
    expect(html.match(/<svg /g)?.length).toBe(6);
    for (const p of demo) expect(html).toContain(`href="/01/${p.gtin}"`);
  });
});
