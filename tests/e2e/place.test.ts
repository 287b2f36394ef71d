import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { LocationRecord } from '../../src/api/index.ts';
import {
  launchBrowser,
  persianTextOf,
  phoneContext,
  type RunningApp,
  screenshot,
  startApp,
  untilServiceWorkerActive,
} from './harness.ts';

// The first demo location: a Tehran supermarket, active, verification level 4.
const GLN = '6260000000019';
const ISFAHAN = { latitude: 32.6546, longitude: 51.668, accuracy: 20 };

let app: RunningApp;
let browser: Browser;
let shop: LocationRecord;

before(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const res = await fetch(`${app.url}/api/v1/locations/${GLN}`);
  assert.equal(res.status, 200, 'the demo registry has the first demo GLN');
  shop = (await res.json()) as LocationRecord;
});
after(async () => {
  await browser?.close();
  await app?.close();
});

const shopHeading = (page: Page) => page.getByRole('heading', { level: 1, name: shop.name });

describe('shop page', () => {
  test('opening /place/{gln} shows the shop by name', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${app.url}/place/${GLN}`);
    await shopHeading(page).waitFor();
    await page.getByRole('heading', { name: 'سطح احراز مکان' }).waitFor();
    assert.doesNotMatch(await persianTextOf(page), /[0-9]/, 'Persian text uses Persian digits');
    await context.close();
  });

  test('a plate link /414/{gln} lands on the shop page through the resolver', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${app.url}/414/${GLN}`);
    await page.waitForURL((u) => u.pathname === `/place/${GLN}`);
    await shopHeading(page).waitFor();
    await context.close();
  });

  test('offline after one visit, a reload shows the saved record and its age', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${app.url}/place/${GLN}`);
    await shopHeading(page).waitFor();
    // The shell must be precached and the worker active before the network goes away.
    await untilServiceWorkerActive(page);
    await context.setOffline(true);
    await page.reload();
    await shopHeading(page).waitFor();
    const notice = page.locator('section', { has: page.getByRole('heading', { name: 'نسخه ذخیره‌شده' }) });
    await notice.waitFor();
    assert.match(await notice.innerText(), /پیش|اکنون/, 'the notice says how old the copy is');
    await screenshot(page, 'place-offline');
    await context.close();
  });

  test('standing in another city, the plate check says far and offers the report', async () => {
    const context = await phoneContext(browser, { geolocation: ISFAHAN, permissions: ['geolocation'] });
    const page = await context.newPage();
    await page.goto(`${app.url}/place/${GLN}`);
    await shopHeading(page).waitFor();
    await page.getByRole('button', { name: 'آیا جای درستی هستم؟' }).click();
    await page.getByText(/کیلومتر از محل ثبت‌شده این پلاک فاصله دارید/).waitFor();
    const report = page.getByRole('link', { name: 'گزارش پلاک جابه‌جا یا جعلی' });
    assert.equal(await report.getAttribute('href'), `/report/missing-plate?gln=${GLN}&reason=misplaced`);

    // Every control on the page is a thumb-sized target.
    for (const el of await page
      .locator('main a.btn, main button, main .details a, main .place-links a')
      .all()) {
      const box = await el.boundingBox();
      assert.ok(box && box.height >= 48, `${await el.innerText()} is at least 48 px tall`);
    }
    assert.doesNotMatch(await persianTextOf(page), /[0-9]/, 'Persian text uses Persian digits');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, 'nothing overflows the 360 px width');
    await screenshot(page, 'place');
    await context.close();
  });
});
