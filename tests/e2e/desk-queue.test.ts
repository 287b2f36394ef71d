import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { readDeskUsers } from '../../src/server/secrets/desk-users.ts';
import { FIRST_DEMO_GLN } from '../../src/server/seed/generate.ts';
import { cameraJpeg } from './fixtures/photos.ts';
import { appPerFile, launchBrowser, persianTextOf, phoneContext, screenshot } from './harness.ts';

// The other half of the routing queue in headless Chromium against the real service: a shopper
// files a complaint with a photo; the union's manager writes a reply template; a clerk signs in
// with a username and password, finds the complaint by its tracking code, claims it and replies
// from the template; the shopper sees the reply. The same triage again with the keyboard alone.
// axe on every page of the queue; screenshots at 1280 and 360 px.

const UNION = 'union-4711-tehran';
const run = appPerFile('desk-queue-');

function user(role: 'clerk' | 'manager') {
  const found = readDeskUsers(run.app.dataDir).find((u) => u.role === role && u.agencyId === UNION);
  assert.ok(found, `a demo ${role} of ${UNION}`);
  return found;
}

async function browser(): Promise<Browser> {
  const b = await launchBrowser();
  run.browsers.push(b);
  return b;
}

/** Files an overpricing complaint with a photo from the phone and answers its tracking code. */
async function fileComplaint(page: Page, marker: string): Promise<string> {
  await page.goto(`${run.app.url}/complaints/new/${FIRST_DEMO_GLN}`);
  await page.getByRole('button', { name: /^گران‌فروشی/ }).click();
  await page.getByLabel(/مبلغی که پرداخت کردید/).fill('۱۲۰٬۰۰۰');
  await page.getByLabel(/نام کالا یا خدمت/).fill('برنج ایرانی');
  await page
    .locator('input[type=file][accept*="image"]')
    .setInputFiles(await cameraJpeg(path.join(run.dir, `${marker}.jpg`)));
  await page.getByRole('button', { name: 'حذف عکس ۱' }).waitFor({ timeout: 15_000 });
  await page.getByLabel(/شرح ماجرا/).fill(`قیمت برنج از برچسب بیشتر بود ${marker}`);
  await page.getByLabel(/گواهی می‌کنم/).check();
  await page.getByRole('button', { name: 'بازبینی' }).click();
  await page.getByRole('button', { name: 'ثبت و ارسال شکایت' }).click();
  await page.getByText('دریافت شد', { exact: true }).waitFor({ timeout: 30_000 });
  const code = (await page.locator('.tracking-value').first().textContent())?.trim() ?? '';
  assert.match(code, /^[2-9A-Z]{8}$/, 'the shopper got a tracking code');
  return code;
}

async function signIn(page: Page, who: { username: string; password: string }) {
  await page.goto(`${run.app.url}/desk/sign-in`);
  await page.getByLabel('نام کاربری').fill(who.username);
  await page.getByLabel('گذرواژه').fill(who.password);
  await page.getByRole('button', { name: 'ورود' }).click();
  await page.waitForURL((u) => u.pathname !== '/desk/sign-in');
}

async function axeClean(page: Page, where: string) {
  await page.waitForLoadState('networkidle');
  const { violations } = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(
    violations.map(
      (v) => `${where}: ${v.id} (${v.impact}) — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
    [],
  );
}

/**
 * Presses Tab until the focused element matches the selector (and holds the text, when given),
 * as a keyboard user moves through the page.
 */
async function tabTo(page: Page, selector: string, text = '', max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(
      ([sel, txt]) => {
        const el = document.activeElement;
        return !!el && el.matches(sel!) && (el.textContent ?? '').includes(txt!);
      },
      [selector, text],
    );
    if (hit) return;
  }
  assert.fail(`Tab never reached ${selector} ${text}`);
}

const TEMPLATE_BODY = 'شکایت شما به بازرسی اتحادیه ارجاع شد و نتیجه را خبر می‌دهیم.';

describe('the desk queue', () => {
  test('a shopper files with a photo; a clerk finds it by code, claims it, replies from a template; the shopper sees it', async () => {
    const b = await browser();
    const phone = await phoneContext(b);
    run.contexts.push(phone);
    const shopper = await phone.newPage();
    const code = await fileComplaint(shopper, `e2e-desk-${Date.now()}`);
    const complaintUrl = shopper.url();

    // The manager writes the union's template for overpricing.
    const desk = await b.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fa-IR' });
    run.contexts.push(desk);
    const managerPage = await desk.newPage();
    await signIn(managerPage, user('manager'));
    await managerPage.getByRole('link', { name: 'متن‌های آماده' }).click();
    await managerPage.getByRole('heading', { name: 'متن‌های آمادهٔ پاسخ' }).waitFor();
    await axeClean(managerPage, '/desk/templates');
    await managerPage.getByLabel('موضوع').selectOption('overpricing');
    await managerPage.getByLabel('عنوان').fill('ارجاع به بازرسی');
    await managerPage.getByLabel('متن پاسخ').fill(TEMPLATE_BODY);
    await managerPage.getByRole('button', { name: 'ذخیره' }).click();
    await managerPage.getByText('متن آماده ذخیره شد.').waitFor();
    await desk.clearCookies();

    // The clerk signs in with username and password, finds the complaint, claims it and replies.
    const clerkCtx = await b.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fa-IR' });
    run.contexts.push(clerkCtx);
    const page = await clerkCtx.newPage();
    await signIn(page, user('clerk'));
    await page.getByRole('link', { name: 'صف شکایت‌ها' }).click();
    await page.getByRole('heading', { name: 'صف شکایت‌ها' }).waitFor();
    await page.getByRole('searchbox').fill(code);
    await page.getByRole('button', { name: 'جست‌وجو' }).click();
    await page.getByRole('link', { name: code }).waitFor();
    assert.equal(await page.locator('tbody tr').count(), 1, 'the search finds exactly that complaint');
    await axeClean(page, '/desk/queue');
    await screenshot(page, 'desk-queue-1280');
    assert.doesNotMatch(await persianTextOf(page), /[0-9]/, 'Persian digits on the queue');

    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { name: new RegExp(code) }).waitFor();
    assert.ok(await page.getByRole('img', { name: 'عکس شمارهٔ ۱ از شکایت' }).isVisible(), 'the photo shows');
    await page.getByRole('button', { name: 'برداشتن این شکایت برای خودم' }).click();
    await page.getByText('این شکایت اکنون با شماست.').waitFor();
    await page.getByLabel('متن آماده').selectOption({ label: 'ارجاع به بازرسی' });
    assert.equal(await page.getByLabel('متن پاسخ').inputValue(), TEMPLATE_BODY);
    await page.getByLabel('تغییر وضعیت همراه پاسخ').selectOption('under_review');
    await page.getByRole('button', { name: 'فرستادن پاسخ' }).click();
    await page.getByText('پاسخ فرستاده شد.').waitFor();
    await axeClean(page, '/desk/complaints/:id');
    assert.doesNotMatch(await persianTextOf(page), /[0-9]/, 'Persian digits on the complaint');
    await screenshot(page, 'desk-complaint-1280');

    await page.getByRole('link', { name: 'نمای کلی' }).click();
    await page.getByRole('heading', { name: 'نمای کلی اتحادیه' }).waitFor();
    await axeClean(page, '/desk/dashboard');
    await screenshot(page, 'desk-dashboard-1280');
    assert.doesNotMatch(await persianTextOf(page), /[0-9]/, 'Persian digits on the dashboard');

    // The same pages on a phone.
    await page.setViewportSize({ width: 360, height: 740 });
    await screenshot(page, 'desk-dashboard-360');
    await page.goto(`${run.app.url}/desk/queue?q=${code}`);
    await page.getByRole('link', { name: code }).waitFor();
    await screenshot(page, 'desk-queue-360');
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { name: new RegExp(code) }).waitFor();
    await screenshot(page, 'desk-complaint-360');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the complaint page does not scroll sideways at 360 px (${overflow})`);

    // The shopper sees the union's reply.
    await shopper.goto(complaintUrl);
    await shopper.getByText(TEMPLATE_BODY).waitFor({ timeout: 30_000 });
  });

  test('the whole triage works with the keyboard alone: find, open, reply, change status', async () => {
    const b = await browser();
    const phone = await phoneContext(b);
    run.contexts.push(phone);
    const code = await fileComplaint(await phone.newPage(), `e2e-keys-${Date.now()}`);
    const ctx = await b.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fa-IR' });
    run.contexts.push(ctx);
    const page = await ctx.newPage();
    await signIn(page, user('clerk'));
    await page.goto(`${run.app.url}/desk/queue`);
    await page.getByRole('heading', { name: 'صف شکایت‌ها' }).waitFor();

    await tabTo(page, 'input[type=search]');
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: code }).waitFor();
    await tabTo(page, 'a', code);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: new RegExp(code) }).waitFor();

    await tabTo(page, 'textarea[name=text]');
    await page.keyboard.type('پرونده بررسی می‌شود.');
    await page.keyboard.press('Tab');
    // The status select: arrow down to "under review".
    const select = await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.tagName);
    assert.equal(select, 'SELECT');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('پاسخ فرستاده شد.').waitFor();
    await page.getByText('پرونده بررسی می‌شود.').waitFor();
    assert.ok(
      await page.locator('dd').filter({ hasText: 'در حال بررسی' }).first().isVisible(),
      'the status moved to under review',
    );
  });
});
