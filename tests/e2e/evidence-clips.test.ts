import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createApiClient } from '../../src/api/client.ts';
import { readDeskCredentials } from '../../src/server/secrets/union-tokens.ts';
import { FIRST_DEMO_GLN } from '../../src/server/seed/generate.ts';
import { GPS, phoneVideo, probeTags, stillVideo } from '../clips.ts';
import { appPerFile, launchBrowser, phoneContext } from './harness.ts';

// Voice and video evidence in the app against the real service: a phone video that carries its
// GPS position (QuickTime's location tag and Apple's ISO6709 key), its device and its creation
// time is attached in the form and filed; the file the union is given has none of it, as ffprobe
// reads the stored bytes. A clip longer than its limit is refused with its Persian reason.

const GLN = FIRST_DEMO_GLN;
const run = appPerFile('clips-');
const CLIP_INPUT = 'input[type=file][accept="audio/*,video/*"]';

async function openForm(page: Page) {
  await page.goto(`${run.app.url}/complaints/new/${GLN}`);
  await page.getByRole('button', { name: /^گران‌فروشی/ }).click();
  await page.getByLabel(/مبلغی که پرداخت کردید/).fill('۱۲۰٬۰۰۰');
  await page.getByLabel(/نام کالا یا خدمت/).fill('برنج ایرانی');
}

describe('voice and video evidence', () => {
  test('a phone video with GPS metadata reaches the union without it (ffprobe on the stored file)', async () => {
    const browser = await launchBrowser();
    run.browsers.push(browser);
    const page = await (await phoneContext(browser)).newPage();
    assert.equal(
      probeTags(phoneVideo(1)).tags['com.apple.quicktime.location.ISO6709'],
      GPS,
      'the fixture has GPS',
    );

    await openForm(page);
    await page
      .locator(CLIP_INPUT)
      .setInputFiles({ name: 'phone.mov', mimeType: 'video/quicktime', buffer: phoneVideo(3) });
    await page.getByRole('button', { name: 'حذف' }).waitFor({ timeout: 15_000 });
    const marker = `e2e-clip-${Date.now()}`;
    await page.getByLabel(/شرح ماجرا/).fill(`ویدیوی قیمت روی قفسه ${marker}`);
    await page.getByLabel(/گواهی می‌کنم/).check();
    await page.getByRole('button', { name: 'بازبینی' }).click();
    await page.getByRole('heading', { name: 'بازبینی و ارسال' }).waitFor();
    await page.getByRole('button', { name: 'ثبت و ارسال شکایت' }).click();
    await page.waitForURL((u) => /^\/complaints\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByText('دریافت شد', { exact: true }).waitFor({ timeout: 60_000 });
    await page.locator('.sent-clips video').waitFor();

    const agency = readDeskCredentials(run.app.dataDir).find((c) => c.agencyId === 'union-4711-tehran');
    assert.ok(agency, 'the demo union of the first shop');
    const api = createApiClient({ baseUrl: run.app.url, timeoutMs: 10_000 });
    const queue = await api.unionQueue(agency.token);
    assert.equal(queue.status, 'ok');
    const mine =
      queue.status === 'ok' ? queue.data.items.filter((i) => (i.description ?? '').includes(marker)) : [];
    assert.equal(mine.length, 1, 'filed once');
    const clip = mine[0]!.media_urls?.find((u) => u.endsWith('.mp4'));
    assert.ok(clip, 'the union is given the video');
    const stored = Buffer.from(await (await fetch(new URL(clip, run.app.url))).arrayBuffer());
    const after = probeTags(stored);
    assert.deepEqual(after.streams.sort(), ['audio', 'video']);
    assert.doesNotMatch(Object.keys(after.tags).join(' '), /location|ISO6709|make|model|creation_time/i);
    assert.equal(stored.includes(Buffer.from('+35.6892')), false, 'no position anywhere in the bytes');
    assert.equal(stored.includes(Buffer.from('PhoneMaker')), false, 'no device anywhere in the bytes');
  });

  test('a video longer than 20 seconds is refused with its Persian reason', async () => {
    const browser = await launchBrowser();
    run.browsers.push(browser);
    const page = await (await phoneContext(browser)).newPage();
    await openForm(page);
    await page
      .locator(CLIP_INPUT)
      .setInputFiles({ name: 'long.webm', mimeType: 'video/webm', buffer: stillVideo(25) });
    const alert = page.getByRole('alert').filter({ hasText: 'ثانیه' });
    await alert.waitFor({ timeout: 15_000 });
    assert.match((await alert.textContent()) ?? '', /ویدیو بیش از ۲۰ ثانیه است/);
    assert.equal(await page.locator('.clip-item').count(), 0, 'nothing attached');
  });
});
