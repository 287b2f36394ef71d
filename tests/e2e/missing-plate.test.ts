import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { createApiClient } from '../../src/api/client.ts';
import { readDeskCredentials } from '../../src/server/secrets/union-tokens.ts';
import { generateRegistry } from '../../src/server/seed/generate.ts';
import { assertCleanPhoto, cameraJpeg } from './fixtures/photos.ts';
import {
  launchBrowser,
  persianTextOf,
  phoneContext,
  type RunningApp,
  screenshot,
  startApp,
  tmpDir,
} from './harness.ts';

// A shop with no plate, reported by place: the shopper's position (after a tap), the registered
// shops around, a storefront photo, and the report lands with the county's inspectors, checked
// over the service's own API with the clerk credentials the server drew at its first start.

const registry = generateRegistry();
const first = registry.data.locations[0]!;
// A few metres from the first demo shop: in a Tehran street, next to registered shops.
const HERE = { latitude: first.lat + 0.00008, longitude: first.lng - 0.00005 };

let app: RunningApp;
let browser: Browser;
let dir: string;

before(async () => {
  dir = tmpDir('missing-plate-');
  app = await startApp();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

describe('missing plate', () => {
  test('a report by place with a storefront photo reaches the inspectors once, without EXIF', async () => {
    const context = await phoneContext(browser, {
      geolocation: { ...HERE, accuracy: 15 },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    const photo = await cameraJpeg(path.join(dir, 'storefront.jpg'), 3000, 2000);

    await page.goto(app.url);
    await page.getByRole('link', { name: 'این مغازه پلاک ندارد' }).first().click();
    await page.waitForURL((u) => u.pathname === '/report/missing-plate');
    await page.getByRole('button', { name: 'استفاده از مکان فعلی من' }).click();
    await page.getByRole('heading', { name: 'آیا یکی از این مغازه‌های ثبت‌شده است؟' }).waitFor();
    await page.getByRole('button', { name: `همین مغازه است: ${first.name}` }).waitFor();
    assert.doesNotMatch(await persianTextOf(page), /[0-9]/, 'Persian digits outside LTR codes');
    await screenshot(page, 'missing-plate-nearby');

    await page.getByRole('button', { name: 'هیچ‌کدام نیست؛ گزارش با مکان من' }).click();
    const marker = `e2e-noplate-${Date.now()}`;
    await page.getByLabel(/نام روی تابلوی مغازه/).fill('آجیل‌فروشی بی‌نام');
    await page.locator('input[type=file][accept*="image"]').setInputFiles(photo);
    await page.getByRole('button', { name: 'حذف عکس ۱' }).waitFor({ timeout: 15_000 });
    await page.getByLabel(/شرح ماجرا/).fill(`مغازه پلاک ندارد ${marker}`);
    await page.getByLabel(/گواهی می‌کنم/).check();
    await screenshot(page, 'missing-plate-form');
    await page.getByRole('button', { name: 'بازبینی' }).click();
    await page.getByRole('button', { name: 'ثبت و ارسال شکایت' }).click();
    await page.getByText('دریافت شد', { exact: true }).waitFor({ timeout: 30_000 });
    const agency =
      (await page.locator('.detail-facts div:has(dt:text("گیرنده")) dd').textContent())?.trim() ?? '';
    const cred = readDeskCredentials(app.dataDir).find((c) => c.name === agency);
    assert.ok(cred, `the report went to an agency with a clerk desk: ${agency}`);

    const client = createApiClient({ baseUrl: app.url });
    const queue = await client.unionQueue(cred.token);
    assert.equal(queue.status, 'ok');
    const mine =
      queue.status === 'ok' ? queue.data.items.filter((i) => (i.description ?? '').includes(marker)) : [];
    assert.equal(mine.length, 1, 'exactly one report arrived');
    const item = mine[0]!;
    assert.equal(item.service_code, 'no_plate');
    assert.equal(item.address_id, undefined, 'routed by place, not by a GLN');
    assert.ok(item.media_url, 'the storefront photo is attached');
    const stored = Buffer.from(await (await fetch(new URL(item.media_url!, app.url))).arrayBuffer());
    await assertCleanPhoto(stored, 'the stored storefront photo');
    await context.close();
  });
});
