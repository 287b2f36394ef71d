import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { readDeskUsers } from '../../src/server/secrets/desk-users.ts';
import { FIRST_DEMO_GLN } from '../../src/server/seed/generate.ts';
import { voiceNote } from '../clips.ts';
import { cameraJpeg } from './fixtures/photos.ts';
import { appPerFile, launchBrowser, persianTextOf, phoneContext, screenshot } from './harness.ts';

// The whole journey of one complaint, every step by hand in headless Chromium against the real
// service, as issue 12's "done means" tells it: a shopper files a complaint with a photo (and a
// voice note, which the clerk plays at the desk); the union's clerk signs in with a username and
// password, finds it by its tracking code, claims it, replies from the manager's template,
// records a written warning on the complaint page's enforcement panel and closes it with a
// violation found; the shopper sees the reply and the unread badge, and the shop page shows the
// warning; the shopper objects; the county's chamber inspector signs in, finds it in the county
// queue, opens it, seals the shop and answers the shopper with the chamber's decision; the shop
// page shows it sealed. Every desk page on the way is screenshotted and checked by axe.

const GLN = FIRST_DEMO_GLN;
/** The first demo shop's union (the routing of the seeded registry). */
const UNION = 'union-4711-tehran';
const COUNTY_CHAMBER = 'chamber-tehran';
const run = appPerFile('desk-journey-');

function user(role: 'clerk' | 'manager' | 'inspector', agencyId: string) {
  const found = readDeskUsers(run.app.dataDir).find((u) => u.role === role && u.agencyId === agencyId);
  assert.ok(found, `a demo ${role} of ${agencyId}`);
  return found;
}

async function browser(): Promise<Browser> {
  const b = await launchBrowser();
  run.browsers.push(b);
  return b;
}

async function deskPage(b: Browser): Promise<Page> {
  const context = await b.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fa-IR' });
  run.contexts.push(context);
  return context.newPage();
}

/** Signs in on the desk's own form and lands on the page it was sent from. */
async function signIn(page: Page, who: { username: string; password: string }, next: string) {
  await page.goto(`${run.app.url}${next}`);
  await page.waitForURL(/\/desk\/sign-in/);
  await page.getByLabel('نام کاربری').fill(who.username);
  await page.getByLabel('گذرواژه').fill(who.password);
  await page.getByRole('button', { name: 'ورود' }).click();
  await page.waitForURL((url) => url.pathname === next);
}

/** axe finds nothing, the page's own text is in Persian digits, and a screenshot is kept. */
async function checkDeskPage(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  const { violations } = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(
    violations.map(
      (v) => `${name}: ${v.id} (${v.impact}) — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
    [],
  );
  assert.doesNotMatch(await persianTextOf(page), /[0-9]/, `Persian digits on ${name}`);
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl', `${name} is right to left`);
  await screenshot(page, `desk-journey-${name}`);
}

/** The shop's public page on a phone that has not cached its record. */
async function shopPage(b: Browser): Promise<Page> {
  const context = await phoneContext(b);
  run.contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${run.app.url}/place/${GLN}`);
  return page;
}

const TEMPLATE_TITLE = 'ارجاع به بازرسی';
const TEMPLATE_BODY = 'شکایت شما به بازرسی اتحادیه رسید و واحد صنفی اخطار کتبی گرفت.';
const INSPECTOR_REPLY = 'بازرس اتاق اصناف گران‌فروشی را تأیید کرد و واحد پلمب شد.';
const VERDICT = 'گران‌فروشی احراز شد و به واحد اخطار کتبی داده شد.';

describe('the desk journey', () => {
  test('filed with a photo → warned and answered by the union → objection → sealed by the county inspector', async () => {
    const b = await browser();

    // The shopper files an overpricing complaint with a photo.
    const phone = await phoneContext(b);
    run.contexts.push(phone);
    const shopper = await phone.newPage();
    await shopper.goto(`${run.app.url}/complaints/new/${GLN}`);
    await shopper.getByRole('button', { name: /^گران‌فروشی/ }).click();
    await shopper.getByLabel(/مبلغی که پرداخت کردید/).fill('۱۲۰٬۰۰۰');
    await shopper.getByLabel(/نام کالا یا خدمت/).fill('برنج ایرانی');
    await shopper
      .locator('input[type=file][accept*="image"]')
      .setInputFiles(await cameraJpeg(path.join(run.dir, 'receipt.jpg')));
    await shopper.getByRole('button', { name: 'حذف عکس ۱' }).waitFor({ timeout: 15_000 });
    await shopper
      .locator('input[type=file][accept="audio/*,video/*"]')
      .setInputFiles({ name: 'voice.ogg', mimeType: 'audio/ogg', buffer: voiceNote(2) });
    await shopper.getByRole('button', { name: 'حذف', exact: true }).waitFor({ timeout: 30_000 });
    await shopper.getByLabel(/شرح ماجرا/).fill('قیمت برنج از برچسب قفسه بیشتر حساب شد');
    await shopper.getByLabel(/گواهی می‌کنم/).check();
    await shopper.getByRole('button', { name: 'بازبینی' }).click();
    await shopper.getByRole('button', { name: 'ثبت و ارسال شکایت' }).click();
    await shopper.getByText('دریافت شد', { exact: true }).first().waitFor({ timeout: 30_000 });
    const code = ((await shopper.locator('.tracking-value').first().textContent()) ?? '').trim();
    assert.match(code, /^[2-9A-Z]{8}$/, 'the shopper got a tracking code');
    const complaintUrl = shopper.url();

    // The union's manager writes the template the clerk will answer from.
    const manager = await deskPage(b);
    await signIn(manager, user('manager', UNION), '/desk/templates');
    await manager.getByRole('heading', { name: 'متن‌های آمادهٔ پاسخ' }).waitFor();
    await checkDeskPage(manager, 'templates');
    await manager.getByLabel('موضوع').selectOption('overpricing');
    await manager.getByLabel('عنوان').fill(TEMPLATE_TITLE);
    await manager.getByLabel('متن پاسخ').fill(TEMPLATE_BODY);
    await manager.getByRole('button', { name: 'ذخیره' }).click();
    await manager.getByText('متن آماده ذخیره شد.').waitFor();

    // The clerk signs in, finds the complaint by its tracking code and opens it.
    const clerk = await deskPage(b);
    await signIn(clerk, user('clerk', UNION), '/desk/queue');
    await clerk.getByRole('heading', { name: 'صف شکایت‌ها' }).waitFor();
    await clerk.getByRole('searchbox').fill(code);
    await clerk.getByRole('button', { name: 'جست‌وجو' }).click();
    await clerk.getByRole('link', { name: code }).waitFor();
    assert.equal(await clerk.locator('tbody tr').count(), 1, 'the search finds exactly that complaint');
    await checkDeskPage(clerk, 'queue');
    await clerk.getByRole('link', { name: code }).click();
    await clerk.getByRole('heading', { name: new RegExp(code) }).waitFor();
    assert.ok(await clerk.getByRole('img', { name: 'عکس شمارهٔ ۱ از شکایت' }).isVisible(), 'the photo shows');
    // The voice note plays in the browser's own player, fetched through the desk's session.
    const voice = clerk.locator('audio[controls]');
    assert.equal(await voice.getAttribute('aria-label'), 'پیام صوتی');
    const seconds = await voice.evaluate(
      (el: HTMLAudioElement) =>
        new Promise<number>((resolve, reject) => {
          el.addEventListener('loadedmetadata', () => resolve(el.duration), { once: true });
          el.addEventListener('error', () => reject(new Error(`media error ${el.error?.code}`)), {
            once: true,
          });
          el.preload = 'metadata';
          el.load();
        }),
    );
    assert.ok(seconds > 1.5 && seconds < 2.5, `the voice note's two seconds play at the desk (${seconds})`);
    await checkDeskPage(clerk, 'complaint');

    // Claims it, replies from the template, records the warning, closes it with its outcome.
    await clerk.getByRole('button', { name: 'برداشتن این شکایت برای خودم' }).click();
    await clerk.getByText('این شکایت اکنون با شماست.').waitFor();
    await clerk.getByLabel('متن آماده').selectOption({ label: TEMPLATE_TITLE });
    assert.equal(await clerk.getByLabel('متن پاسخ').inputValue(), TEMPLATE_BODY);
    await clerk.getByLabel('تغییر وضعیت همراه پاسخ').selectOption('under_review');
    await clerk.getByRole('button', { name: 'فرستادن پاسخ' }).click();
    await clerk.getByText('پاسخ فرستاده شد.').waitFor();
    const enforcement = clerk.getByRole('region', { name: 'اقدام‌های قانونی علیه این واحد' });
    await enforcement.getByRole('button', { name: 'ثبت «اخطار کتبی»' }).click();
    await enforcement.getByText('«اخطار کتبی» ثبت شد.').waitFor();
    await enforcement.getByText('وضعیت کنونی: اخطار کتبی').waitFor();
    await enforcement.getByText(/اخطار کتبی — از .*۱۴۰۵/).waitFor();
    // A label wrapping a select is named with the chosen option too: "نتیجه بسته شد: …".
    await clerk.getByLabel(/^نتیجه/).selectOption('violation_found');
    await clerk.getByLabel('متن رأی برای گزارش‌دهنده').fill(VERDICT);
    await clerk.getByRole('button', { name: 'بستن شکایت' }).click();
    await clerk.getByText('شکایت بسته شد.').waitFor();
    await clerk.locator('dd').filter({ hasText: 'تخلف احراز شد' }).first().waitFor();
    await checkDeskPage(clerk, 'complaint-warned');

    // The shopper sees the replies and the unread badge; the shop page shows the warning.
    await shopper.goto(`${run.app.url}/complaints`);
    await shopper.getByTestId('unread-badge').waitFor({ timeout: 15_000 });
    await shopper.locator('.complaint-card-title a').first().click();
    await shopper.getByText(TEMPLATE_BODY).waitFor({ timeout: 30_000 });
    await shopper.getByText(VERDICT).waitFor();
    await shopper.getByTestId('unread-badge').waitFor({ state: 'detached', timeout: 10_000 });
    const warned = await shopPage(b);
    await warned.getByRole('region', { name: 'اقدام‌های قانونی' }).getByText('اخطار کتبی').waitFor();
    await screenshot(warned, 'desk-journey-shop-warned-360');

    // The shopper objects to the union's decision on their complaint page.
    await shopper.goto(complaintUrl);
    await shopper.getByRole('button', { name: 'اعتراض به نتیجه' }).click({ timeout: 15_000 });
    await shopper.getByLabel('دلیل اعتراض').fill('اخطار کافی نبود و هنوز گران می‌فروشد.');
    await shopper.getByRole('button', { name: 'ارسال', exact: true }).click();
    await shopper
      .getByText(/پرونده بازگشایی/)
      .first()
      .waitFor({ timeout: 30_000 });

    // The county's inspector finds it in the county queue, answers and seals the shop.
    const inspector = await deskPage(b);
    await signIn(inspector, user('inspector', COUNTY_CHAMBER), '/desk/county');
    const card = inspector.locator('.field-case', { has: inspector.getByText(code, { exact: true }) });
    await card.getByText('اعتراض شاکی').waitFor();
    await checkDeskPage(inspector, 'county');
    await card.getByRole('link', { name: `باز کردن پرونده ${code}` }).click();
    await inspector.getByRole('heading', { name: new RegExp(code) }).waitFor();
    await inspector.locator('dd').filter({ hasText: 'در حال بررسی' }).first().waitFor();
    await checkDeskPage(inspector, 'county-case');
    const panel = inspector.getByRole('region', { name: 'اقدام‌های قانونی علیه این واحد' });
    await panel.getByRole('button', { name: 'ثبت «مسدودسازی کارتخوان به مدت دو هفته»' }).click();
    await panel.getByText('«مسدودسازی کارتخوان به مدت دو هفته» ثبت شد.').waitFor();
    await panel.getByRole('button', { name: 'ثبت «پلمب ۳۰ روزه»' }).click();
    await panel.getByText('«پلمب ۳۰ روزه» ثبت شد.').waitFor();
    await inspector.getByLabel('متن پاسخ').fill(INSPECTOR_REPLY);
    await inspector.getByLabel(/^تغییر وضعیت همراه پاسخ/).selectOption('violation_found');
    await inspector.getByRole('button', { name: 'فرستادن پاسخ' }).click();
    await inspector.getByText('پاسخ فرستاده شد.').waitFor();
    await inspector.locator('dd').filter({ hasText: 'تخلف احراز شد' }).first().waitFor();
    await checkDeskPage(inspector, 'county-case-sealed');

    // The shopper reads the inspector's answer; the shop page shows the seal.
    await shopper.goto(complaintUrl);
    await shopper.getByText(INSPECTOR_REPLY).waitFor({ timeout: 30_000 });
    const sealed = await shopPage(b);
    await sealed.getByRole('heading', { name: 'این واحد پلمب شده است' }).waitFor();
    await sealed.getByRole('region', { name: 'اقدام‌های قانونی' }).getByText('پلمب ۳۰ روزه').waitFor();
    await screenshot(sealed, 'desk-journey-shop-sealed-360');
  });
});
