import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import type { NearbyResult, TrustSummary } from '../../src/api/index.ts';
import {
  launchBrowser,
  phoneContext,
  type RunningApp,
  screenshot,
  startApp,
  untilServiceWorkerActive,
} from './harness.ts';

// "Shops near me" (issue 16): a shopper in central Tehran taps "near me" (Chromium's fake
// geolocation), gets the seeded shops nearest first, narrows them by guild and trust, sees them
// on a map drawn from the service's own tiles, opens one; later, offline, the list is still there.

const HERE = { latitude: 35.6892, longitude: 51.389, accuracy: 20 };
/** The page's radius (src/features/near/NearPage.tsx); the expected answer is asked with the same. */
const RADIUS = 1500;
type Item = NearbyResult['items'][number] & { trust?: TrustSummary };

let app: RunningApp;
let browser: Browser;
let open: Item[];

before(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const res = await fetch(
    `${app.url}/api/v1/locations?near=${HERE.latitude},${HERE.longitude}&radius=${RADIUS}`,
  );
  const body = (await res.json()) as NearbyResult;
  open = (body.items as Item[]).filter((i) => i.status === 'active').sort((a, b) => a.distance - b.distance);
  assert.ok(open.length >= 3, `the demo registry has open shops around central Tehran (${open.length})`);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

// Counts the page's requests for a position, to show none is made before the tap.
const COUNT_GEO = `
  window.geoAsked = 0;
  const real = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
  navigator.geolocation.getCurrentPosition = (...a) => { window.geoAsked++; return real(...a); };
`;

const shownGlns = (page: Page) =>
  page.locator('.near-item').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.gln));

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('shops near me', () => {
  test('lists, filters and maps the seeded shops around the shopper, opens one, and keeps the list offline', async () => {
    const context = await phoneContext(browser, { geolocation: HERE, permissions: ['geolocation'] });
    try {
      const page = await context.newPage();
      await page.addInitScript(COUNT_GEO);
      await page.goto(`${app.url}/near`);
      const find = page.getByRole('button', { name: 'پیدا کردن فروشگاه‌های نزدیک' });
      await find.waitFor();
      assert.equal(
        await page.evaluate(() => (window as unknown as { geoAsked: number }).geoAsked),
        0,
        'no position asked on load',
      );

      await find.tap();
      await page.locator('.near-item').first().waitFor();
      assert.equal(await page.evaluate(() => (window as unknown as { geoAsked: number }).geoAsked), 1);
      assert.deepEqual(
        await shownGlns(page),
        open.map((i) => i.gln),
        'every open shop, nearest first',
      );
      const first = page.locator('.near-item').first();
      assert.equal(await first.locator('.near-item-name').textContent(), open[0]!.name);
      assert.match(
        (await first.locator('.near-item-distance').textContent()) ?? '',
        /^[۰-۹٫]+ (متر|کیلومتر)$/,
      );
      assert.deepEqual(await axeViolations(page), [], 'axe on the list');
      await screenshot(page, 'near-me-list-360');

      // Guild: the second shop's guild, so the filter has something to leave out or keep.
      const guild = open[1]!.guild;
      await page.getByLabel('صنف').selectOption(guild.code);
      assert.deepEqual(
        await shownGlns(page),
        open.filter((i) => i.guild.code === guild.code).map((i) => i.gln),
      );
      await page.getByLabel('صنف').selectOption('');

      // Trust: "good or better" keeps what the service rated high or good; a shop it has not
      // rated yet (no `trust`) is not counted as good.
      await page.getByLabel('اعتماد').selectOption('good');
      const good = open
        .filter((i) => i.trust?.level === 'high' || i.trust?.level === 'good')
        .map((i) => i.gln);
      assert.deepEqual(await shownGlns(page), good);
      if (good.length === 0) await page.getByText('با این فیلترها فروشگاهی پیدا نشد.').waitFor();
      await page.getByLabel('اعتماد').selectOption('');
      assert.equal((await shownGlns(page)).length, open.length);

      // The map: the service's own tiles, a marker per shop, the data credited.
      await page.getByRole('button', { name: 'نقشه' }).tap();
      await page.locator('.leaflet-tile-loaded').first().waitFor({ timeout: 20_000 });
      const tiles = await page
        .locator('img.leaflet-tile')
        .evaluateAll((els) => els.map((e) => (e as HTMLImageElement).src));
      assert.ok(tiles.length > 0);
      for (const src of tiles) assert.match(src, new RegExp(`^${app.url}/tiles/\\d+/\\d+/\\d+\\.png$`));
      assert.equal(await page.locator('.near-marker').count(), open.length);
      await page.locator('.leaflet-control-attribution', { hasText: 'کالا به فی' }).waitFor();
      await page.waitForFunction(
        () => document.querySelectorAll('img.leaflet-tile:not(.leaflet-tile-loaded)').length === 0,
      );
      assert.deepEqual(await axeViolations(page), [], 'axe on the map');
      await screenshot(page, 'near-me-map-360');

      // Tapping a shop on the map opens its page.
      // Clear of the fixed top bar and bottom navigation, as a thumb would see it.
      await page.locator('.near-map').evaluate((e) => e.scrollIntoView({ block: 'center' }));
      // Markers of neighbouring shops overlap at this zoom: the nearest shop whose marker is on top.
      const topGln = await page.evaluate(
        (glns) => {
          for (const gln of glns) {
            const el = document.querySelector(`.near-marker[data-gln="${gln}"]`);
            const r = el?.getBoundingClientRect();
            if (r && document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === el) return gln;
          }
          return undefined;
        },
        open.map((i) => i.gln),
      );
      const target = open.find((i) => i.gln === topGln)!;
      assert.ok(target, 'some shop marker is uncovered');
      await page.locator(`.near-marker[data-gln="${target.gln}"]`).tap();
      await page.waitForURL((u) => u.pathname === `/place/${target.gln}`);
      await page.getByRole('heading', { name: target.name }).waitFor();

      // And from the list.
      await page.goBack();
      await page.getByRole('button', { name: 'فهرست' }).tap();
      const second = open[1]!;
      await page.locator(`.near-item[data-gln="${second.gln}"] a`).tap();
      await page.waitForURL((u) => u.pathname === `/place/${second.gln}`);
      await page.getByRole('heading', { name: second.name }).waitFor();

      // Offline: the saved answer, with its age.
      await untilServiceWorkerActive(page);
      await context.setOffline(true);
      await page.goto(`${app.url}/near`);
      await page.getByRole('heading', { name: 'فهرست ذخیره‌شده' }).waitFor();
      await page.locator('.near-item').first().waitFor();
      assert.deepEqual(
        await shownGlns(page),
        open.map((i) => i.gln),
      );
      await screenshot(page, 'near-me-offline-360');
    } finally {
      await context.close();
    }
  });
});
