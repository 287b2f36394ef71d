import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { RESOLVER_SETTING_KEY } from '../../src/api/resolver-setting.ts';
import { launchBrowser, persianTextOf, phoneContext, type RunningApp, startApp } from './harness.ts';

// The app as a client of any GS1-conformant resolver: a second, minimal one on another origin,
// which knows nothing of our record API and answers only linksets (GS1-Conformant Resolver:
// "linkType=linkset" and "Accept: application/linkset+json" both ask for the linkset).

const GS1 = 'https://gs1.org/voc/';
const COMPLAINT = 'https://kalabefi.ir/voc/complaintIntake';
// Valid GLNs (check digit computed) that the seeded demo registry does not hold under these names.
const PLACES: Record<string, { name: string; id: number }> = {
  '6269999000017': { name: 'نانوایی سنگکی بهار', id: 17 },
  '6269999000024': { name: 'کفاشی نگین', id: 24 },
};

let resolver: Server;
let resolverUrl: string;
let app: RunningApp;
let browser: Browser;
const asked: string[] = [];

function linkset(gln: string, origin: string) {
  const p = PLACES[gln]!;
  const base = `${origin}/registry/${p.id}`;
  return {
    linkset: [
      {
        anchor: `${origin}/414/${gln}`,
        [`${GS1}defaultLink`]: [{ href: base, title: p.name }],
        [`${GS1}registryEntry`]: [
          // Another registry's record format: the app must take it as "not ours".
          { href: `${base}.json`, title: `رکورد ${p.name}`, type: 'application/json' },
          { href: base, title: `صفحه ${p.name} در ثبت`, type: 'text/html' },
        ],
        [`${GS1}verificationService`]: [
          { href: `${base}/verify`, title: 'استعلام پروانه', type: 'text/html' },
        ],
        [COMPLAINT]: [{ href: `${base}/complain`, title: 'شکایت در سامانه ثبت', type: 'text/html' }],
      },
    ],
  };
}

before(async () => {
  resolver = createServer((req, res) => {
    const url = new URL(req.url ?? '/', resolverUrl);
    asked.push(`${req.method} ${url.pathname}${url.search}`);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Accept');
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    const m = /^\/414\/(\d{13})$/.exec(url.pathname);
    const wantsLinkset =
      url.searchParams.get('linkType') === 'linkset' ||
      (req.headers.accept ?? '').includes('application/linkset+json');
    if (m && PLACES[m[1]!] && wantsLinkset) {
      res.writeHead(200, { 'Content-Type': 'application/linkset+json' });
      return res.end(JSON.stringify(linkset(m[1]!, resolverUrl)));
    }
    if (/^\/registry\/\d+\.json$/.test(url.pathname)) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ id: 1, shop: 'not the Kala Be Fi format' }));
    }
    res.writeHead(404, { 'Content-Type': 'application/json' }).end('[]');
  });
  await new Promise<void>((resolve) => resolver.listen(0, '127.0.0.1', resolve));
  resolverUrl = `http://127.0.0.1:${(resolver.address() as AddressInfo).port}`;
  // The app's CSP must let it call the resolver.
  app = await startApp({ RESOLVER_URL: resolverUrl });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
  await new Promise((r) => resolver?.close(r));
});

describe('shop page from another registry’s GS1 resolver', () => {
  test('shows the place’s name and the linkset’s links, and axe passes', async () => {
    const context = await phoneContext(browser);
    // The device setting (src/api/resolver-url.ts): the resolver's port is known only now.
    await context.addInitScript(([key, url]) => localStorage.setItem(key, url), [
      RESOLVER_SETTING_KEY,
      resolverUrl,
    ] as const);
    const page = await context.newPage();
    for (const [gln, { name, id }] of Object.entries(PLACES)) {
      await page.goto(`${app.url}/place/${gln}`);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      const complain = page.getByRole('link', { name: 'شکایت در سامانه ثبت' });
      assert.equal(await complain.getAttribute('href'), `${resolverUrl}/registry/${id}/complain`);
      const verify = page.getByRole('link', { name: 'استعلام پروانه' });
      assert.equal(await verify.getAttribute('href'), `${resolverUrl}/registry/${id}/verify`);
      const entry = page.getByRole('link', { name: `صفحه ${name} در ثبت` });
      assert.equal(await entry.getAttribute('rel'), 'external noopener noreferrer');
      assert.match(await page.locator('main').innerText(), /gs1:registryEntry · text\/html/);
      assert.ok(asked.includes(`GET /414/${gln}?linkType=linkset`), 'the app asked for the linkset');
      assert.doesNotMatch(await persianTextOf(page), /[0-9]/, 'Persian text uses Persian digits');
      await page.waitForLoadState('networkidle');
      const { violations } = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(
        violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        [],
      );
    }
    await context.close();
  });
});
