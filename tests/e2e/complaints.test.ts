import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createApiClient } from '../../src/api/client.ts';
import type { UnionQueueItem } from '../../src/api/index.ts';
import { readDeskCredentials } from '../../src/server/secrets/union-tokens.ts';
import { FIRST_DEMO_GLN } from '../../src/server/seed/generate.ts';
import { assertCleanPhoto, cameraJpeg } from './fixtures/photos.ts';
import { plateFrame, qrPng, stillToY4m } from './fixtures/qr-images.ts';
import {
  appPerFile,
  launchBrowser,
  launchPersistent,
  persianTextOf,
  phoneContext,
  screenshot,
  tmpDir,
  untilServiceWorkerActive,
} from './harness.ts';

// The complaint journey in headless Chromium against the real reference service: scan, complain
// with a photo while offline, come back online, and follow the union's reply. The service is
// checked over its own API with the union's token the server drew at its first start.

const GLN = FIRST_DEMO_GLN;
const run = appPerFile('complaints-');

const api = () => createApiClient({ baseUrl: run.app.url, timeoutMs: 10_000 });

function tokenOf(agency: string): string {
  const found = readDeskCredentials(run.app.dataDir).find((c) => c.name === agency);
  assert.ok(found, `demo credentials for ${agency}`);
  return found.token;
}

async function queueFor(agency: string, pick: (i: UnionQueueItem) => boolean): Promise<UnionQueueItem[]> {
  const res = await api().unionQueue(tokenOf(agency));
  assert.equal(res.status, 'ok', JSON.stringify(res));
  return res.status === 'ok' ? res.data.items.filter(pick) : [];
}

/** Fills the overpricing complaint up to the review step. */
async function fillComplaint(page: Page, description: string, photo?: string) {
  await page.getByRole('button', { name: /^گران‌فروشی/ }).click();
  await page.getByLabel(/مبلغی که پرداخت کردید/).fill('۱۲۰٬۰۰۰');
  await page.getByLabel(/نام کالا یا خدمت/).fill('برنج ایرانی');
  if (photo) {
    await page.locator('input[type=file][accept*="image"]').setInputFiles(photo);
    await page.getByRole('button', { name: 'حذف عکس ۱' }).waitFor({ timeout: 15_000 });
  }
  await page.getByLabel(/شرح ماجرا/).fill(description);
  await page.getByLabel(/گواهی می‌کنم/).check();
}

async function tapTargetsOk(page: Page) {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('main button, main a, main input, main select, main textarea')]
      .filter((el) => (el as HTMLElement).offsetParent !== null && !el.closest('.visually-hidden'))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ el, r }) => {
        const input = el as HTMLInputElement;
        if (input.type === 'checkbox' || input.type === 'radio') return false; // their label is the target
        return r.height < 47.5 || r.width < 47.5;
      })
      .map(
        ({ el, r }) =>
          `${el.tagName} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`,
      ),
  );
  assert.deepEqual(small, [], 'every control is at least 48 px');
}

describe('complaints', () => {
  test('scan, complain with a photo while offline, it sends itself once online, the union reply shows with a badge', async () => {
    const qr = await qrPng({ data: `${run.app.url}/414/${GLN}` }, path.join(run.dir, 'plate-qr.png'));
    const frame = await plateFrame(qr, path.join(run.dir, 'plate-frame.png'));
    const browser = await launchBrowser({ fakeVideo: stillToY4m(frame, path.join(run.dir, 'plate.y4m')) });
    run.browsers.push(browser);
    // Granting permissions denies every one not named (CDP Browser.grantPermissions), and a phone
    // grants Background Sync by default: name it, or the hand-off asserted below is refused.
    const context = await phoneContext(browser, {
      permissions: ['clipboard-read', 'clipboard-write', 'background-sync'],
    });
    const page = await context.newPage();

    await page.goto(`${run.app.url}/scan`);
    await page.waitForURL((u) => u.pathname === `/place/${GLN}`, { timeout: 20_000 });
    await page.getByRole('link', { name: 'ثبت شکایت از این واحد' }).click();
    await page.waitForURL((u) => u.pathname === `/complaints/new/${GLN}`);

    const marker = `e2e-offline-${Date.now()}`;
    await fillComplaint(
      page,
      `قیمت برنج از برچسب بیشتر بود ${marker}`,
      await cameraJpeg(path.join(run.dir, 'receipt.jpg')),
    );
    await screenshot(page, 'complaint-form');
    await tapTargetsOk(page);
    await page.getByRole('button', { name: 'بازبینی' }).click();
    await page.getByRole('heading', { name: 'بازبینی و ارسال' }).waitFor();

    // As on a phone that has used the app before: the service worker is in place when the network
    // goes, so delivery can be handed to Background Sync.
    await untilServiceWorkerActive(page);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'ثبت و ارسال شکایت' }).click();
    await page.waitForURL((u) => /^\/complaints\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByText('در انتظار ارسال', { exact: true }).first().waitFor();
    await page.getByText(/هنوز فرستاده نشده است/).waitFor();
    // Delivery is handed to Background Sync too, so it goes on even if this tab is closed now.
    // Polled by hand: the registration follows the outbox write by a moment, and waitForFunction's
    // animation-frame polling of an async check did not reliably see it.
    const handedToSync = () =>
      page.evaluate(async () => {
        const reg = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
          sync?: { getTags(): Promise<string[]> };
        };
        return (await reg.sync?.getTags())?.includes('outbox') ?? false;
      });
    const syncBy = Date.now() + 10_000;
    while (!(await handedToSync())) {
      assert.ok(Date.now() < syncBy, 'the outbox is handed to Background Sync within 10 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    // What will leave the phone is already in the outbox: check those bytes, not the picked file.
    const queued = await outboxPhotos(page);
    assert.equal(queued.length, 1, 'one photo waits in the outbox');
    await assertCleanPhoto(queued[0]!, 'the photo in the outbox');

    await context.setOffline(false);
    await page.getByText('دریافت شد', { exact: true }).waitFor({ timeout: 30_000 });
    const agency =
      (await page.locator('.detail-facts div:has(dt:text("گیرنده")) dd').textContent())?.trim() ?? '';
    assert.ok(agency.startsWith('اتحادیه'), `routed to a union: ${agency}`);

    const mine = await queueFor(agency, (i) => (i.description ?? '').includes(marker));
    assert.equal(mine.length, 1, 'the service holds exactly one complaint');
    const item = mine[0]!;
    assert.equal(item.address_id, GLN);
    assert.equal(item.service_code, 'overpricing');
    assert.equal(item.attribute?.price_paid, 120000);
    assert.equal(item.contact, undefined, 'an anonymous reporter sends no contact details');

    assert.ok(item.media_url, 'the complaint carries its photo');
    assert.deepEqual(item.media_urls, [item.media_url], 'every photo is listed, the first as media_url');
    const stored = await fetch(new URL(item.media_url!, run.app.url));
    assert.equal(stored.status, 200);
    await assertCleanPhoto(Buffer.from(await stored.arrayBuffer()), 'the stored photo');

    await unionReply(agency, item.service_request_id, 'بازرس اتحادیه روز 12 آذر از فروشگاه بازدید می‌کند.');
    await page.goto(`${run.app.url}/complaints`);
    await page.getByText('۱ پاسخ تازه').waitFor({ timeout: 15_000 });
    await page.getByTestId('unread-badge').waitFor();
    assert.match((await page.getByTestId('unread-badge').textContent()) ?? '', /۱/);
    await page.getByText('پاسخ داده شد').first().waitFor();
    await page
      .getByText(/مهلت پاسخ: .*۱۴۰۵/)
      .first()
      .waitFor();
    assert.doesNotMatch(await persianTextOf(page), /[0-9]/, 'Persian digits outside LTR codes');
    await page.getByRole('button', { name: 'کپی کد پیگیری' }).click();
    await page.getByText('کد پیگیری کپی شد.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), item.service_request_id);
    await screenshot(page, 'complaints-list');
    await tapTargetsOk(page);

    await page.locator('.complaint-card-title a').first().click();
    await page.getByText('بازرس اتحادیه روز ۱۲ آذر از فروشگاه بازدید می‌کند.').waitFor();
    await page.getByTestId('unread-badge').waitFor({ state: 'detached', timeout: 10_000 });
    assert.doesNotMatch(await persianTextOf(page), /[0-9]/, 'Persian digits outside LTR codes');
    await screenshot(page, 'complaint-detail');
    await tapTargetsOk(page);
  });

  test('a page killed after the outbox write and before the send delivers the complaint exactly once', async () => {
    const userDataDir = tmpDir('persistent-');
    const marker = `e2e-killed-${Date.now()}`;
    let context = await launchPersistent(userDataDir);
    run.contexts.push(context);
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${run.app.url}/complaints/new/${GLN}`);
    await fillComplaint(page, `کم‌فروشی نه، گران‌فروشی ${marker}`);
    await page.getByRole('button', { name: 'بازبینی' }).click();
    await context.setOffline(true);
    await page.getByRole('button', { name: 'ثبت و ارسال شکایت' }).click();
    await page
      .getByText('در انتظار ارسال', { exact: true })
      .first()
      .waitFor()
      .catch(async (e) => {
        await screenshot(page, 'debug-killed');
        throw e;
      });
    // The tab dies with the complaint only in IndexedDB.
    await context.close();
    run.contexts.splice(0);

    context = await launchPersistent(userDataDir);
    run.contexts.push(context);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${run.app.url}/complaints`);
    await page.getByText('دریافت شد', { exact: true }).waitFor({ timeout: 30_000 });
    await page.locator('.complaint-card-title a').first().click();
    const agency =
      (await page.locator('.detail-facts div:has(dt:text("گیرنده")) dd').textContent())?.trim() ?? '';
    // Give any second sender (a retry timer, Background Sync) the chance to double-send.
    await page.reload();
    await page.waitForTimeout(3000);
    const mine = await queueFor(agency, (i) => (i.description ?? '').includes(marker));
    assert.equal(mine.length, 1, 'exactly one complaint arrived');
  });
});

async function unionReply(agency: string, id: string, text: string) {
  const res = await api().postUpdate(
    { service_request_id: id, action: 'reply', description: text, substatus: 'under_review' },
    tokenOf(agency),
  );
  assert.equal(res.status, 'ok', JSON.stringify(res));
}

/** The photos of every outbox entry, read from the page's IndexedDB as the app stored them. */
async function outboxPhotos(page: Page): Promise<Buffer[]> {
  const b64: string[] = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('kala-be-fi');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('outbox').objectStore('outbox').getAll();
          all.onsuccess = async () => {
            const out: string[] = [];
            for (const e of all.result as { payload: { photos?: Blob[] } }[])
              for (const p of e.payload.photos ?? []) {
                const bytes = new Uint8Array(await p.arrayBuffer());
                let s = '';
                for (const b of bytes) s += String.fromCharCode(b);
                out.push(btoa(s));
              }
            open.result.close();
            resolve(out);
          };
        };
      }),
  );
  return b64.map((s) => Buffer.from(s, 'base64'));
}
