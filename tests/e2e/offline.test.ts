import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { LocationRecord } from '../../src/api/index.ts';
import { platePhoto, qrPng } from './fixtures/qr-images.ts';
import {
  launchBrowser,
  phoneContext,
  type RunningApp,
  screenshot,
  startApp,
  tmpDir,
  untilServiceWorkerActive,
} from './harness.ts';

// A shopper in a bazaar with no signal: after a few scans and one visit, the app, its history,
// the shops' pages and a new complaint all work with the network off.

const GLNS = ['6260000000019', '6260000009234', '6260000014016'];
let app: RunningApp;
let browser: Browser;
let dir: string;
const records = new Map<string, LocationRecord>();

before(async () => {
  dir = tmpDir('offline-');
  app = await startApp();
  // The camera is refused so the scan page offers the photo path at once.
  browser = await launchBrowser({ denyCamera: true });
  for (const gln of GLNS) {
    const res = await fetch(`${app.url}/api/v1/locations/${gln}`);
    records.set(gln, (await res.json()) as LocationRecord);
  }
});
after(async () => {
  await browser?.close();
  await app?.close();
});

async function scanPhotoOf(page: Page, gln: string) {
  const qr = await qrPng({ data: `https://qr.example.ir/414/${gln}` }, path.join(dir, `${gln}.png`));
  const photo = await platePhoto(qr, path.join(dir, `${gln}.jpg`));
  await page.goto(`${app.url}/scan`);
  await page.locator('.scan-failure').waitFor({ timeout: 10_000 });
  await page.locator('input[type="file"]').setInputFiles(photo);
  await page.waitForURL((u) => u.pathname === `/place/${gln}`, { timeout: 10_000 });
  await page.getByRole('heading', { name: records.get(gln)!.name }).waitFor();
}

async function outboxCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('kala-be-fi');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('outbox').objectStore('outbox').count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

async function outboxAttempts(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('kala-be-fi');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('outbox').objectStore('outbox').getAll();
          req.onsuccess = () =>
            resolve(req.result.reduce((n: number, e: { attempts: number }) => n + e.attempts, 0));
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

describe('offline after one visit', () => {
  test('history, search, a cached shop page and a queued complaint all work with the network off', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    for (const gln of GLNS) await scanPhotoOf(page, gln);
    // The service worker has taken control and the complaint categories are kept for later.
    await untilServiceWorkerActive(page);
    await page.evaluate(async () => {
      for (let i = 0; i < 100 && !localStorage.getItem('kbf.complaints.services'); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
    });

    await context.setOffline(true);
    await page.goto(app.url);
    const nav = page.getByRole('navigation', { name: 'پیمایش اصلی' });
    await nav.getByRole('link', { name: 'سوابق', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/history');
    await page
      .locator('.history-item')
      .nth(GLNS.length - 1)
      .waitFor();
    assert.equal(await page.locator('.history-item').count(), GLNS.length);

    // Typed as people do: a space where the name has a ZWNJ, Arabic ye and kaf.
    const target = records.get(GLNS[1]!)!;
    const typed = target.name
      .replace(/\u200c/g, ' ')
      .replace(/ی/g, 'ي')
      .replace(/ک/g, 'ك');
    await page.getByLabel('جستجو در سوابق').fill(typed);
    await page.locator('.history-item').first().waitFor();
    const shown = await page.locator('.history-item-title').allTextContents();
    assert.ok(shown.length >= 1 && shown.every((name) => name === target.name), `search shows ${shown}`);
    await screenshot(page, 'history-offline');

    await page.getByRole('link', { name: target.name }).first().click();
    await page.waitForURL((u) => u.pathname === `/place/${target.gln}`);
    await page.getByRole('heading', { name: target.name }).waitFor();

    await page.getByRole('link', { name: 'ثبت شکایت از این واحد' }).click();
    await page.waitForURL((u) => u.pathname === `/complaints/new/${target.gln}`);
    await page.getByRole('button', { name: /^گران‌فروشی/ }).click();
    await page.getByLabel(/مبلغی که پرداخت کردید/).fill('۸۵۰۰۰');
    await page.getByLabel(/نام کالا یا خدمت/).fill('پنیر');
    await page.getByLabel(/شرح ماجرا/).fill('قیمت پنیر از برچسب قفسه بیشتر حساب شد.');
    await page.getByLabel(/گواهی می‌کنم/).check();
    await page.getByRole('button', { name: 'بازبینی' }).click();
    await page.getByRole('button', { name: 'ثبت و ارسال شکایت' }).click();
    await page.getByText('در انتظار ارسال', { exact: true }).first().waitFor();
    assert.equal(await outboxCount(page), 1, 'the complaint waits in the outbox');
    await context.close();
  });

  test('a complaint queued during an outage reaches the server within seconds of reconnection', async () => {
    const gln = GLNS[2]!;
    const openAt = async () =>
      ((await (await fetch(`${app.url}/api/v1/complaint-counts/${gln}`)).json()) as { open: number }).open;
    const before = await openAt();
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${app.url}/place/${gln}`);
    await page.getByRole('heading', { name: records.get(gln)!.name }).waitFor();
    await untilServiceWorkerActive(page);
    await page.evaluate(async () => {
      for (let i = 0; i < 100 && !localStorage.getItem('kbf.complaints.services'); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
    });

    await context.setOffline(true);
    await page.getByRole('link', { name: 'ثبت شکایت از این واحد' }).click();
    await page.getByRole('button', { name: /^گران‌فروشی/ }).click();
    await page.getByLabel(/مبلغی که پرداخت کردید/).fill('۹۰۰۰۰');
    await page.getByLabel(/شرح ماجرا/).fill('قیمت روغن از برچسب بیشتر حساب شد.');
    await page.getByLabel(/گواهی می‌کنم/).check();
    await page.getByRole('button', { name: 'بازبینی' }).click();
    await page.getByRole('button', { name: 'ثبت و ارسال شکایت' }).click();
    await page.getByText('در انتظار ارسال', { exact: true }).first().waitFor();
    // The outage goes on: the app restarts and is brought back to the front, each a try that
    // fails for want of a network. None of them may push the next try back.
    await page.reload();
    await page.getByText('در انتظار ارسال', { exact: true }).first().waitFor();
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.waitForTimeout(6_000);
    assert.equal(await outboxCount(page), 1, 'the complaint still waits');
    assert.equal(await outboxAttempts(page), 0, 'offline tries do not count toward the backoff');

    const reconnected = Date.now();
    await context.setOffline(false);
    for (;;) {
      if ((await openAt()) > before) break;
      assert.ok(Date.now() - reconnected < 15_000, 'the complaint reached the server within 15 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (Date.now() - reconnected) / 1000;
    console.log(`reconnection to arrival at the server: ${seconds.toFixed(1)} s`);
    assert.ok(seconds < 10, `arrived ${seconds} s after reconnection`);
    await page.getByText('دریافت شد', { exact: true }).waitFor({ timeout: 10_000 });
    await context.close();
  });
});
