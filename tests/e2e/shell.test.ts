import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  launchBrowser,
  persianTextOf,
  phoneContext,
  type RunningApp,
  screenshot,
  startApp,
} from './harness.ts';

let app: RunningApp;
let browser: Browser;

before(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

describe('app shell', () => {
  test('loads right-to-left in Persian with a Persian title', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(app.url);
    await page.locator('h1').first().waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.getAttribute('html', 'lang'), 'fa');
    assert.match(await page.title(), /کالا به فی/);
    const text = await persianTextOf(page);
    assert.doesNotMatch(text, /[0-9]/, 'Persian UI text must use Persian digits');
    assert.match(text, /۱۳/);
    await screenshot(page, 'home');
    await context.close();
  });

  test('the bottom navigation reaches every journey', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(app.url);
    const nav = page.getByRole('navigation', { name: 'پیمایش اصلی' });
    for (const [label, path] of [
      ['اسکن', '/scan'],
      ['سوابق', '/history'],
      ['شکایت‌های من', '/complaints'],
      ['بیشتر', '/more'],
    ] as const) {
      await nav.getByRole('link', { name: label, exact: true }).click();
      await page.waitForURL((u) => u.pathname === path);
      await page.locator('main h1').first().waitFor();
      assert.notEqual(await page.locator('main h1').first().textContent(), 'این صفحه پیدا نشد', path);
      assert.equal(
        await nav.getByRole('link', { name: label, exact: true }).getAttribute('aria-current'),
        'page',
      );
      const box = await nav.getByRole('link', { name: label, exact: true }).boundingBox();
      assert.ok(box && box.height >= 48 && box.width >= 48, `${label} tap target is at least 48 px`);
    }
    await context.close();
  });

  test('an unknown route shows the Persian not-found page with a way home', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${app.url}/no-such-page`);
    await page.getByRole('heading', { name: 'این صفحه پیدا نشد' }).waitFor();
    await page.getByRole('link', { name: 'بازگشت به صفحه اصلی' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await context.close();
  });

  test('the language switch flips the direction to ltr and back', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${app.url}/more`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'More', exact: true }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.getByRole('button', { name: 'فارسی' }).click();
    await page.getByRole('heading', { name: 'بیشتر', exact: true }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await context.close();
  });

  test('the manifest is served right-to-left in Persian with installable icons', async () => {
    const res = await fetch(`${app.url}/manifest.webmanifest`);
    assert.equal(res.status, 200);
    const manifest = await res.json();
    assert.equal(manifest.dir, 'rtl');
    assert.equal(manifest.lang, 'fa');
    assert.equal(manifest.display, 'standalone');
    assert.match(manifest.name, /کالا به فی/);
    const sizes = manifest.icons.map((i: { sizes: string; purpose?: string }) => `${i.sizes}:${i.purpose}`);
    assert.ok(
      sizes.includes('192x192:any') && sizes.includes('512x512:any') && sizes.includes('512x512:maskable'),
    );
    assert.deepEqual(
      manifest.shortcuts.map((s: { url: string }) => s.url),
      ['/scan', '/complaints'],
    );
  });

  test('after one visit the shell, app routes and a plate link work with the network off', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(app.url);
    const state = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      const worker = reg.active!;
      if (worker.state !== 'activated') {
        await new Promise((resolve) => worker.addEventListener('statechange', resolve));
      }
      return worker.state;
    });
    assert.equal(state, 'activated');
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('navigation', { name: 'پیمایش اصلی' }).waitFor();
    assert.match(await page.title(), /کالا به فی/);

    await page.goto(`${app.url}/history`);
    await page.locator('main h1').first().waitFor();

    // A Digital Link path opened offline lands on the shop page route.
    await page.goto(`${app.url}/414/6260000000019`);
    await page.waitForURL((u) => u.pathname === '/place/6260000000019');
    await context.close();
  });
});
