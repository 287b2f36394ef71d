import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { platePhoto, qrPng } from './fixtures/qr-images.ts';
import { launchBrowser, phoneContext, type RunningApp, startApp, tmpDir } from './harness.ts';

// Web Share Target: a photo of a plate shared from the gallery into the installed app arrives as
// a multipart POST navigation to /share-target, which the service worker turns into a decode on
// the scan page. The form below makes the same request the share sheet would.

const GLN = '6260000000019';
let app: RunningApp;
let browser: Browser;

before(async () => {
  app = await startApp();
  browser = await launchBrowser({ denyCamera: true });
});
after(async () => {
  await browser?.close();
  await app?.close();
});

describe('sharing a photo into the app', () => {
  test('a plate photo shared from the gallery opens the shop page', async () => {
    const dir = tmpDir('share-');
    const photo = await platePhoto(
      await qrPng({ data: `https://qr.example.ir/414/${GLN}` }, path.join(dir, 'qr.png')),
      path.join(dir, 'plate.jpg'),
    );
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(app.url);
    await page.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active!;
      if (worker.state !== 'activated') await new Promise((r) => worker.addEventListener('statechange', r));
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r));
      }
      const form = document.createElement('form');
      form.method = 'POST';
      form.action = '/share-target';
      form.enctype = 'multipart/form-data';
      form.innerHTML = '<input type="file" name="photo" id="shared-photo">';
      document.body.append(form);
    });
    await page.locator('#shared-photo').setInputFiles(photo);
    await page.evaluate(() =>
      (document.querySelector('form[action="/share-target"]') as HTMLFormElement).submit(),
    );
    await page.waitForURL((u) => u.pathname === `/place/${GLN}`, { timeout: 15_000 });
    await context.close();
  });
});
