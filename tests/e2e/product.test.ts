import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { createApiClient } from '../../src/api/client.ts';
import { readDeskCredentials } from '../../src/server/secrets/union-tokens.ts';
import { FIRST_DEMO_GLN } from '../../src/server/seed/generate.ts';
import { generateProducts, pickDemoProducts } from '../../src/server/seed/products.ts';
import { plateFrame, qrPng, stillToY4m } from './fixtures/qr-images.ts';
import {
  appPerFile,
  launchBrowser,
  persianTextOf,
  phoneContext,
  screenshot,
  untilServiceWorkerActive,
} from './harness.ts';

// The product journey in headless Chromium against the real reference service: scan a shop's
// plate, open a product's Digital Link, read its price, and complain that more was charged. The
// union's queue is read over the service's own API with the demo union's token.

const GLN = FIRST_DEMO_GLN;
const oil = pickDemoProducts(generateProducts()).find((p) => p.barcode === 'ean13')!;
const fa = (n: number) => new Intl.NumberFormat('fa-IR').format(n);

const run = appPerFile('product-');

describe('product page', () => {
  test('/01/{gtin} → product page with its price → "I paid more" → one complaint at the union with product and prices', async () => {
    // The shop: its plate is scanned first, so it is the last shop in history.
    const qr = await qrPng({ data: `${run.app.url}/414/${GLN}` }, path.join(run.dir, 'plate-qr.png'));
    const frame = await plateFrame(qr, path.join(run.dir, 'plate-frame.png'));
    const browser = await launchBrowser({ fakeVideo: stillToY4m(frame, path.join(run.dir, 'plate.y4m')) });
    run.browsers.push(browser);
    const context = await phoneContext(browser);
    run.contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${run.app.url}/scan`);
    await page.waitForURL((u) => u.pathname === `/place/${GLN}`, { timeout: 20_000 });
    await page.getByRole('heading', { level: 1, name: 'سوپرمارکت آفتاب' }).waitFor();

    // The product's Digital Link, as a phone's own camera would open it.
    await page.goto(`${run.app.url}/01/${oil.gtin}`);
    await page.waitForURL((u) => u.pathname === `/product/${oil.gtin}`);
    await page.getByRole('heading', { level: 1, name: oil.name }).waitFor();
    const prices = page.locator('.product-prices');
    await prices.getByText(`${fa(oil.printedPrice!)} ریال`).waitFor();
    await prices.getByText(`${fa(oil.approvedPrice!.rials)} ریال`).waitFor();
    assert.doesNotMatch(await persianTextOf(page), /[0-9]/, 'Persian text uses Persian digits');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `nothing spills sideways at 360 px (${overflow} px)`);
    await screenshot(page, 'product-page');

    await page.getByRole('link', { name: 'بیشتر از این قیمت پرداخت کردم' }).click();
    await page.waitForURL((u) => u.pathname === `/product/${oil.gtin}/complain`);
    await page.getByText('فروشگاه: سوپرمارکت آفتاب').first().waitFor();
    await page.getByLabel(/چقدر پرداخت کردید/).fill('۱٬۵۰۰٬۰۰۰');
    await page.getByRole('button', { name: 'ادامه' }).click();

    // The complaint form, on its details step, with the product and its price already there.
    const productField = page.getByLabel(/نام کالا یا خدمت/);
    await productField.waitFor();
    assert.match(await productField.inputValue(), new RegExp(oil.name));
    assert.match(await productField.inputValue(), new RegExp(oil.gtin.slice(1)));
    const marker = `e2e-product-${Date.now()}`;
    const description = page.getByLabel(/شرح ماجرا/);
    await description.fill(`${await description.inputValue()} ${marker}`);
    await page.getByLabel(/گواهی می‌کنم/).check();
    await screenshot(page, 'product-complaint-form');
    await page.getByRole('button', { name: 'بازبینی' }).click();
    await page.getByRole('heading', { name: 'بازبینی و ارسال' }).waitFor();
    await page.getByRole('button', { name: 'ثبت و ارسال شکایت' }).click();
    await page.waitForURL((u) => /^\/complaints\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByText('دریافت شد', { exact: true }).waitFor({ timeout: 30_000 });

    const agency =
      (await page.locator('.detail-facts div:has(dt:text("گیرنده")) dd').textContent())?.trim() ?? '';
    const token = readDeskCredentials(run.app.dataDir).find((c) => c.name === agency)?.token;
    assert.ok(token, `routed to a demo union: ${agency}`);
    const queue = await createApiClient({ baseUrl: run.app.url, timeoutMs: 10_000 }).unionQueue(token);
    assert.equal(queue.status, 'ok');
    const mine = queue.status === 'ok' ? queue.data.items.filter((i) => i.description?.includes(marker)) : [];
    assert.equal(mine.length, 1, 'the union holds exactly one complaint');
    const item = mine[0]!;
    assert.equal(item.address_id, GLN);
    assert.equal(item.service_code, 'overpricing');
    assert.equal(item.attribute?.price_paid, 1_500_000);
    // The lower of the printed and the approved price is what the seller may charge at most.
    assert.equal(item.attribute?.labelled_price, Math.min(oil.printedPrice!, oil.approvedPrice!.rials));
    assert.match(String(item.attribute?.product), new RegExp(oil.name));
    assert.match(item.description ?? '', new RegExp(`${fa(oil.printedPrice!)} ریال`));
  });

  test('offline, /01/{gtin} with a past AI 17 opens the saved copy with its age and the expiry warning', async () => {
    const browser = await launchBrowser();
    run.browsers.push(browser);
    const context = await phoneContext(browser);
    run.contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${run.app.url}/product/${oil.gtin}`);
    await page.getByRole('heading', { level: 1, name: oil.name }).waitFor();
    await untilServiceWorkerActive(page);

    await context.setOffline(true);
    // As a phone's camera opens a medicine's Digital Link: the service worker answers for the resolver.
    await page.goto(`${run.app.url}/01/${oil.gtin}/10/L2407A?17=240731`);
    await page.waitForURL((u) => u.pathname === `/product/${oil.gtin}`);
    await page.getByRole('heading', { level: 1, name: oil.name }).waitFor();
    await page.getByRole('heading', { name: 'نسخهٔ ذخیره‌شده' }).waitFor();
    await page.getByRole('heading', { name: 'تاریخ انقضای این کالا گذشته است' }).waitFor();
    assert.match((await page.locator('.product-cache').textContent()) ?? '', /پیش|اکنون/);
    await page
      .locator('.product-prices')
      .getByText(`${fa(oil.printedPrice!)} ریال`)
      .waitFor();
    await screenshot(page, 'product-offline-expired');
  });

  test('axe finds no violation on the product page and its complaint page', async () => {
    const browser = await launchBrowser();
    run.browsers.push(browser);
    const failures: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const context = await phoneContext(browser, { colorScheme: scheme });
      run.contexts.push(context);
      const page = await context.newPage();
      for (const route of [`/product/${oil.gtin}?10=L2407A&17=240731`, `/product/${oil.gtin}/complain`]) {
        await page.goto(`${run.app.url}${route}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        const { violations } = await new AxeBuilder({ page }).analyze();
        for (const v of violations)
          failures.push(`${scheme} ${route}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
