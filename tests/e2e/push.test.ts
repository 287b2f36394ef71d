import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiClient } from '../../src/api/client.ts';
import { PUSH_API, PushMessageSchema } from '../../src/api/index.ts';
import { readDeskCredentials } from '../../src/server/secrets/union-tokens.ts';
import { FIRST_DEMO_GLN } from '../../src/server/seed/generate.ts';
import { newSubscriber, type PushService, startPushService } from '../push-service.ts';
import { launchBrowser, phoneContext, type RunningApp, startApp } from './harness.ts';

// A union reply reaches the phone as a notification. Headless Chromium has no push service, so
// the test runs one on 127.0.0.1 (named to the service in PUSH_SERVICE_HOSTS) and registers with
// the service a subscription whose endpoint is it and whose keys the test holds, as a browser
// would (PUT /api/v1/push/subscriptions with the reporter's token). The encrypted message the
// service sends after the reply is decrypted with http_ece (RFC 8291), then handed to the page's
// service worker through the devtools protocol (ServiceWorker.deliverPushMessage), whose push
// handler shows it (registration.getNotifications()). Tapping it: CDP cannot click a
// notification, so the test dispatches a `notificationclick` NotificationEvent carrying the very
// notification the worker showed, inside the worker; the worker's own handler then moves the
// open window to the complaint (an untrusted event may not open a new window, so the page is left
// open on another route).

const GLN = FIRST_DEMO_GLN;

// page.evaluate, a CDP event and the push service's inbox have no deadline of their own: a step
// that never comes must fail the test with its name, not hang the run.
function within<T>(ms: number, step: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${step}: nothing after ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
let ps: PushService;
let app: RunningApp;
before(async () => {
  ps = await startPushService();
  app = await startApp({ PUSH_SERVICE_HOSTS: ps.url });
});
after(async () => {
  await app?.close();
  await ps?.close();
});

describe('reply notifications', () => {
  test('a union reply is pushed, shown by the service worker in Persian, and its tap opens the complaint', {
    timeout: 240_000,
  }, async () => {
    const browser = await launchBrowser();
    try {
      const context = await phoneContext(browser);
      await context.grantPermissions(['notifications'], { origin: app.url });
      const page = await context.newPage();
      await page.goto(`${app.url}/complaints/new/${GLN}`);
      await page.getByRole('button', { name: /^گران‌فروشی/ }).click();
      await page.getByLabel(/مبلغی که پرداخت کردید/).fill('۱۲۰٬۰۰۰');
      await page.getByLabel(/نام کالا یا خدمت/).fill('برنج ایرانی');
      await page.getByLabel(/شرح ماجرا/).fill('قیمت از برچسب بیشتر بود.');
      await page.getByLabel(/گواهی می‌کنم/).check();
      await page.getByRole('button', { name: 'بازبینی' }).click();
      await page.getByRole('button', { name: 'ثبت و ارسال شکایت' }).click();
      await page.waitForURL((u) => /^\/complaints\/[0-9a-f-]{36}$/.test(u.pathname));
      await page.getByText('دریافت شد', { exact: true }).waitFor({ timeout: 30_000 });
      const localPath = new URL(page.url()).pathname;
      // Offered on the filed complaint's page, after filing.
      await page.getByRole('heading', { name: 'خبرم کن' }).waitFor();

      const local = localPath.split('/').pop()!;
      const row = (await page.evaluate(
        (id) =>
          new Promise((resolve, reject) => {
            const open = indexedDB.open('kala-be-fi');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const get = open.result.transaction('complaints').objectStore('complaints').get(id);
              get.onsuccess = () => resolve(get.result);
            };
          }),
        local,
      )) as { serverId: string; token: string };
      assert.ok(row.serverId && row.token, 'the phone holds the complaint and its token');

      const phone = newSubscriber();
      const sub = await fetch(app.url + PUSH_API.subscriptions, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${row.token}` },
        body: JSON.stringify({
          service_request_id: row.serverId,
          subscription: phone.json(`${ps.url}/phone`),
        }),
      });
      assert.equal(sub.status, 201);

      const union = readDeskCredentials(app.dataDir).find((c) => c.agencyId === 'union-4711-tehran')!;
      const arriving = ps.next('/phone');
      const replied = await createApiClient({ baseUrl: app.url }).postUpdate(
        { service_request_id: row.serverId, action: 'reply', description: 'بازرس فردا به مغازه می‌رود.' },
        union.token,
      );
      assert.equal(replied.status, 'ok');
      const plaintext = phone.open((await within(30_000, 'the push message', arriving)).body);
      const message = PushMessageSchema.parse(JSON.parse(plaintext));
      assert.equal(message.body, 'بازرس فردا به مغازه می‌رود.');

      await page.goto(`${app.url}/more`);
      // The dispatched tap can only move a window the worker controls (an untrusted event may not
      // open a new one), and a push delivered before the worker is active is dropped. `ready`
      // says neither: it settles when the worker is active, before its clients.claim() has taken
      // this page (on a loaded machine /more is often loaded while the worker still precaches).
      // So wait for this very page to be controlled.
      await within(
        30_000,
        'the page controlled by the service worker',
        page.evaluate(
          () =>
            new Promise<void>((resolve) => {
              if (navigator.serviceWorker.controller) resolve();
              else
                navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
            }),
        ),
      );
      const cdp = await context.newCDPSession(page);
      const registrationId = await within(
        10_000,
        "the worker's registration",
        new Promise<string>((resolve) => {
          cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => {
            const reg = e.registrations.find((r) => r.scopeURL.startsWith(app.url) && !r.isDeleted);
            if (reg) resolve(reg.registrationId);
          });
          void cdp.send('ServiceWorker.enable');
        }),
      );
      await cdp.send('ServiceWorker.deliverPushMessage', {
        origin: new URL(app.url).origin,
        registrationId,
        data: plaintext,
      });
      // Polled by hand: waitForFunction takes an async predicate's promise itself as truthy, so it
      // would stop at the first poll whether or not the notification was shown yet.
      const readShown = () =>
        within(
          5_000,
          'the notifications shown',
          page.evaluate(async () => {
            const reg = await navigator.serviceWorker.ready;
            const list = await reg.getNotifications();
            return list.length ? { title: list[0]!.title, body: list[0]!.body, dir: list[0]!.dir } : null;
          }),
        );
      let shown = await readShown();
      for (const until = Date.now() + 15_000; !shown && Date.now() < until; shown = await readShown())
        await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(shown, {
        title: 'پاسخ اتحادیه به شکایت شما',
        body: 'بازرس فردا به مغازه می‌رود.',
        dir: 'rtl',
      });

      const [worker] = context.serviceWorkers();
      assert.ok(worker, 'the service worker runs');
      await within(
        10_000,
        'the dispatched tap',
        worker.evaluate(async () => {
          const sw = self as unknown as ServiceWorkerGlobalScope;
          const [notification] = await sw.registration.getNotifications();
          sw.dispatchEvent(new NotificationEvent('notificationclick', { notification: notification! }));
        }),
      );
      await page.waitForURL((u) => u.pathname === localPath, { timeout: 15_000 });
    } finally {
      await browser.close();
    }
  });
});
