import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { paths } from '../../src/api/paths.ts';
import { displayGtin } from '../../src/api/product-code.ts';
import { generateProducts, pickDemoProducts } from '../../src/server/seed/products.ts';
import { type BarcodeSpec, productBoxFrame } from './fixtures/barcode-images.ts';
import { stillToY4m } from './fixtures/qr-images.ts';
import { appPerFile, launchBrowser, persianTextOf, phoneContext } from './harness.ts';

// The scanner reading what is on the shelf, in headless Chromium with a fake camera playing a
// product's barcode, against the real reference service and its demo product registry.

const demo = pickDemoProducts(generateProducts());
const boxed = demo.find((p) => p.barcode === 'ean13')!;
const medicine = demo.find((p) => p.barcode === 'gs1datamatrix')!;
const fa = (n: number) => new Intl.NumberFormat('fa-IR').format(n);
const productText = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../locales/fa/product.json'), 'utf8'),
) as { expiry: { expiredTitle: string } };

const run = appPerFile('scan-product-');

/** The scanner open with the camera pointed at the given barcode. */
async function scanning(name: string, spec: BarcodeSpec): Promise<Page> {
  const frame = await productBoxFrame(spec, path.join(run.dir, `${name}.png`));
  const browser = await launchBrowser({ fakeVideo: stillToY4m(frame, path.join(run.dir, `${name}.y4m`)) });
  run.browsers.push(browser);
  const context = await phoneContext(browser);
  run.contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${run.app.url}${paths.scan()}`);
  return page;
}

describe('scanning a product', () => {
  test('an EAN-13 on a product box opens the product page with its price', async () => {
    const page = await scanning('ean13-box', { bcid: 'ean13', text: displayGtin(boxed.gtin) });
    await page.waitForURL((u) => u.pathname === paths.product(boxed.gtin), { timeout: 20_000 });
    await page.getByRole('heading', { level: 1, name: boxed.name }).waitFor();
    const prices = page.locator('.product-prices');
    await prices.getByText(`${fa(boxed.printedPrice!)} ریال`).waitFor();
    // A plain EAN carries no expiry: no warning, and no lot or date in the page's URL.
    assert.equal(new URL(page.url()).search, '');
    assert.equal(await page.locator('.product-expired').count(), 0);
    assert.doesNotMatch(await persianTextOf(page), /[0-9]/, 'Persian text uses Persian digits');
  });

  test('a GS1 DataMatrix with an expiry in the past shows the expiry warning', async () => {
    // GS1 General Specifications, AI (17) "Expiration date", YYMMDD: 31 January 2024 is past.
    const page = await scanning('datamatrix-expired', {
      bcid: 'gs1datamatrix',
      text: `(01)${medicine.gtin}(17)240131(10)L7`,
    });
    const expected = paths.product(medicine.gtin, { lot: 'L7', expiry: '240131' });
    await page.waitForURL((u) => `${u.pathname}${u.search}` === expected, { timeout: 20_000 });
    await page.getByRole('heading', { level: 1, name: medicine.name }).waitFor();
    const warning = page.getByRole('alert').filter({ hasText: productText.expiry.expiredTitle });
    await warning.waitFor();
    assert.match((await warning.textContent()) ?? '', /۱۴۰۲/, 'the expired date in the Jalali calendar');
  });
});
