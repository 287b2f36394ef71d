import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { createApiClient } from '../../src/api/client.ts';
import { DESK_SESSION, FIELD_API, type LocationRecord } from '../../src/api/index.ts';
import { readDeskCredentials } from '../../src/server/secrets/union-tokens.ts';
import { FIRST_DEMO_GLN } from '../../src/server/seed/generate.ts';
import { cameraJpeg } from './fixtures/photos.ts';
import { appPerFile, launchBrowser, persianTextOf, phoneContext, screenshot } from './harness.ts';

// Field work end to end, against the real service: a shopper's complaint gets a warning from the
// shop's union and the shop page shows it; the shopper objects to the union's decision; the
// county's inspector finds it in the county queue and seals the shop, and the shop page shows
// it sealed. A missing-plate report reaches the inspector, whose visit's outcome reaches the
// reporter. A field agent at the shop (Chromium's fake geolocation) verifies it to level 4. Every
// page field work adds has no axe violation, at a desk's width and a phone's.

const GLN = FIRST_DEMO_GLN;
const run = appPerFile('desk-field-');

type DeskUser = { username: string; password: string; role: string; agencyId: string | null; name: string };
const deskUsers = (): DeskUser[] =>
  JSON.parse(readFileSync(path.join(run.app.dataDir, 'secrets/desk-users.json'), 'utf8')) as DeskUser[];
const user = (role: string, agencyId: string) => {
  const found = deskUsers().find((u) => u.role === role && u.agencyId === agencyId);
  assert.ok(found, `a demo ${role} of ${agencyId}`);
  return found;
};

async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A desk person over the API, as the desk's own client speaks to it. */
async function apiSignIn(u: DeskUser) {
  const res = await fetch(run.app.url + DESK_SESSION, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: u.username, password: u.password }),
  });
  assert.equal(res.status, 200, `${u.username} signs in`);
  const { csrf_token } = (await res.json()) as { csrf_token: string };
  const cookie = /^([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
  return (method: string, p: string, body?: unknown) =>
    fetch(run.app.url + p, {
      method,
      headers: {
        Cookie: cookie,
        'X-CSRF-Token': csrf_token,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
}

async function signIn(page: Page, u: DeskUser, next: string) {
  await page.goto(`${run.app.url}${next}`);
  await page.waitForURL(/\/desk\/sign-in/);
  await page.getByLabel('نام کاربری').fill(u.username);
  await page.getByLabel('گذرواژه').fill(u.password);
  await page.getByRole('button', { name: 'ورود' }).click();
  await page.waitForURL((url) => url.pathname === next);
}

async function deskPage(
  browser: Browser,
  width: 1280 | 360,
  geolocation?: { latitude: number; longitude: number; accuracy: number },
) {
  const context = await browser.newContext({
    viewport: { width, height: width === 360 ? 740 : 800 },
    locale: 'fa-IR',
    ...(geolocation ? { geolocation, permissions: ['geolocation'] } : {}),
  });
  run.contexts.push(context);
  return context.newPage();
}

/**
 * The shop page on a phone that has not seen the shop before: the record's HTTP cache lifetime
 * (60 s) would otherwise show the shopper's own copy from the complaint form.
 */
async function shopPage(browser: Browser): Promise<Page> {
  const context = await phoneContext(browser);
  run.contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${run.app.url}/place/${GLN}`);
  return page;
}

async function shopRecord(): Promise<LocationRecord> {
  return (await (await fetch(`${run.app.url}/api/v1/locations/${GLN}`)).json()) as LocationRecord;
}

/** Fills the overpricing complaint and sends it; answers its tracking code once delivered. */
async function fileComplaint(page: Page): Promise<string> {
  await page.goto(`${run.app.url}/complaints/new/${GLN}`);
  await page.getByRole('button', { name: /^گران‌فروشی/ }).click();
  await page.getByLabel(/مبلغی که پرداخت کردید/).fill('۱۲۰٬۰۰۰');
  await page.getByLabel(/نام کالا یا خدمت/).fill('برنج ایرانی');
  await page
    .locator('input[type=file][accept*="image"]')
    .setInputFiles(await cameraJpeg(path.join(run.dir, 'receipt.jpg')));
  await page.getByRole('button', { name: 'حذف عکس ۱' }).waitFor({ timeout: 15_000 });
  await page.getByLabel(/شرح ماجرا/).fill('قیمت برنج از برچسب بیشتر بود');
  await page.getByLabel(/گواهی می‌کنم/).check();
  await page.getByRole('button', { name: 'بازبینی' }).click();
  await page.getByRole('button', { name: 'ثبت و ارسال شکایت' }).click();
  await page.getByText('دریافت شد', { exact: true }).first().waitFor({ timeout: 30_000 });
  return ((await page.locator('.tracking-value').textContent()) ?? '').trim();
}

describe('field work', () => {
  test('warning by the union → objection → seal by the county inspector, each on the shop page', async () => {
    const browser = await launchBrowser();
    run.browsers.push(browser);
    const shopper = await (await phoneContext(browser)).newPage();
    run.contexts.push(shopper.context());
    const id = await fileComplaint(shopper);
    assert.match(id, /^[A-Z0-9-]+$/);

    // The clerk of the shop's union records a warning (the API the panel calls).
    const clerks = deskUsers().filter((u) => u.role === 'clerk');
    let clerkSend: Awaited<ReturnType<typeof apiSignIn>> | undefined;
    for (const c of clerks) {
      const send = await apiSignIn(c);
      if ((await send('GET', `${FIELD_API.enforcement}/${id}`)).status === 200) clerkSend = send;
    }
    assert.ok(clerkSend, "a demo clerk of the shop's union");
    assert.equal(
      (await clerkSend('POST', FIELD_API.enforcement, { service_request_id: id, stage: 'written_warning' }))
        .status,
      201,
    );
    const warnedPage = await shopPage(browser);
    await warnedPage.getByRole('region', { name: 'اقدام‌های قانونی' }).getByText('اخطار کتبی').waitFor();
    assert.doesNotMatch(await persianTextOf(warnedPage), /[0-9]/, 'Persian digits on the shop page');
    await screenshot(warnedPage, 'field-shop-warned-360');

    // The union decides; the shopper objects on their complaint page.
    const agency = (await shopRecord()).union.name;
    const token = readDeskCredentials(run.app.dataDir).find((c) => c.name === agency)?.token;
    assert.ok(token, `the union's machine credential (${agency})`);
    const decided = await createApiClient({ baseUrl: run.app.url }).postUpdate(
      {
        service_request_id: id,
        action: 'reply',
        description: 'تخلف احراز شد.',
        substatus: 'violation_found',
      },
      token,
    );
    assert.equal(decided.status, 'ok', JSON.stringify(decided));
    await shopper.goto(`${run.app.url}/complaints`);
    await shopper.locator('.complaint-card-title a').first().click();
    await shopper.getByRole('button', { name: 'اعتراض به نتیجه' }).click({ timeout: 15_000 });
    await shopper.getByLabel('دلیل اعتراض').fill('جریمه کافی نبود و هنوز گران می‌فروشد.');
    await shopper.getByRole('button', { name: 'ارسال', exact: true }).click();
    await shopper
      .getByText(/پرونده بازگشایی/)
      .first()
      .waitFor({ timeout: 30_000 });

    // The county's inspector finds it in the county queue and seals (a POS block comes first).
    const inspector = user('inspector', 'chamber-tehran');
    for (const width of [1280, 360] as const) {
      const page = await deskPage(browser, width);
      await signIn(page, inspector, '/desk/county');
      const card = page.locator('.field-case', { has: page.getByText(id, { exact: true }) });
      await card.getByText('اعتراض شاکی').waitFor();
      assert.deepEqual(await axe(page), []);
      assert.doesNotMatch(await persianTextOf(page), /[0-9]/, 'Persian digits at the desk');
      await screenshot(page, `desk-county-${width}`);
      if (width === 360) continue;
      await card.getByRole('button', { name: 'ثبت «مسدودسازی کارتخوان به مدت دو هفته»' }).click();
      await card.getByRole('button', { name: 'ثبت «پلمب ۳۰ روزه»' }).click();
      await card.getByText('«پلمب ۳۰ روزه» ثبت شد.').waitFor();
      assert.deepEqual(await axe(page), []);
    }
    const sealedPage = await shopPage(browser);
    await sealedPage.getByRole('heading', { name: 'این واحد پلمب شده است' }).waitFor();
    await sealedPage.getByRole('region', { name: 'اقدام‌های قانونی' }).getByText('پلمب ۳۰ روزه').waitFor();
    await screenshot(sealedPage, 'field-shop-sealed-360');
  });

  test("a missing-plate report reaches the inspector, and the visit's outcome reaches the reporter", async () => {
    const browser = await launchBrowser();
    run.browsers.push(browser);
    const { geo } = await shopRecord();
    const here = { latitude: geo.lat + 0.0002, longitude: geo.lng - 0.0001, accuracy: 15 };
    const reporterContext = await phoneContext(browser, { geolocation: here, permissions: ['geolocation'] });
    run.contexts.push(reporterContext);
    const reporter = await reporterContext.newPage();
    await reporter.goto(`${run.app.url}/report/missing-plate`);
    await reporter.getByRole('button', { name: 'استفاده از مکان فعلی من' }).click();
    await reporter.getByRole('button', { name: 'هیچ‌کدام نیست؛ گزارش با مکان من' }).click();
    await reporter.getByLabel(/نام روی تابلوی مغازه/).fill('آجیل‌فروشی بی‌نام');
    await reporter
      .locator('input[type=file][accept*="image"]')
      .setInputFiles(await cameraJpeg(path.join(run.dir, 'storefront.jpg')));
    await reporter.getByRole('button', { name: 'حذف عکس ۱' }).waitFor({ timeout: 15_000 });
    await reporter.getByLabel(/شرح ماجرا/).fill('این مغازه پلاک ندارد');
    await reporter.getByLabel(/گواهی می‌کنم/).check();
    await reporter.getByRole('button', { name: 'بازبینی' }).click();
    await reporter.getByRole('button', { name: 'ثبت و ارسال شکایت' }).click();
    await reporter.getByText('دریافت شد', { exact: true }).first().waitFor({ timeout: 30_000 });
    const id = ((await reporter.locator('.tracking-value').textContent()) ?? '').trim();

    const page = await deskPage(browser, 1280, { latitude: geo.lat, longitude: geo.lng, accuracy: 10 });
    await signIn(page, user('inspector', 'chamber-tehran'), '/desk/county');
    await page.getByRole('button', { name: 'مرتب‌سازی بر پایهٔ فاصله از من' }).click();
    const card = page.locator('.field-case', { has: page.getByText(id, { exact: true }) });
    await card.getByText(/متر از شما/).waitFor();
    await card.getByLabel('به واحد اخطار داده شد').check();
    await card.getByLabel('عکس از محل').setInputFiles(await cameraJpeg(path.join(run.dir, 'visit.jpg')));
    await card.getByRole('button', { name: 'ثبت بازدید' }).click();
    await page.getByText('نتیجهٔ بازدید ثبت شد و شاکی آن را می‌بیند.').waitFor();
    assert.deepEqual(await axe(page), []);

    await reporter.reload();
    await reporter
      .getByText('بازرس اتاق اصناف از محل بازدید کرد و به واحد صنفی اخطار داد.')
      .waitFor({ timeout: 30_000 });
    await screenshot(reporter, 'field-visit-outcome-360');
  });

  test('a field agent at the shop verifies it to level 4; a coarse fix is refused with its reason', async () => {
    const browser = await launchBrowser();
    run.browsers.push(browser);
    const { geo, verification } = await shopRecord();
    assert.equal(verification, undefined, 'nobody has checked the shop on site yet');
    const agent = user('field_agent', 'chamber-tehran');

    const coarse = await deskPage(browser, 360, { latitude: geo.lat, longitude: geo.lng, accuracy: 90 });
    await signIn(coarse, agent, `/desk/verify/${GLN}`);
    for (const box of [
      'طبقه با ثبت یکی است',
      'شمارهٔ واحد با ثبت یکی است',
      'پلاک نصب‌شده همین شناسهٔ مکان را دارد',
    ])
      await coarse.getByLabel(box).check();
    await coarse.getByRole('button', { name: 'ثبت موقعیت GPS و احراز' }).click();
    await coarse
      .getByRole('alert')
      .getByText(/دقت موقعیت \(۹۰ متر\) کافی نیست/)
      .waitFor();
    assert.deepEqual(await axe(coarse), []);
    await screenshot(coarse, 'desk-verify-refused-360');

    for (const width of [1280, 360] as const) {
      const page = await deskPage(browser, width, {
        latitude: geo.lat + 0.00005,
        longitude: geo.lng,
        accuracy: 8,
      });
      await signIn(page, agent, `/desk/verify/${GLN}`);
      assert.deepEqual(await axe(page), []);
      await screenshot(page, `desk-verify-${width}`);
      if (width === 360) continue;
      for (const box of [
        'طبقه با ثبت یکی است',
        'شمارهٔ واحد با ثبت یکی است',
        'پلاک نصب‌شده همین شناسهٔ مکان را دارد',
      ])
        await page.getByLabel(box).check();
      await page.getByRole('button', { name: 'ثبت موقعیت GPS و احراز' }).click();
      await page.getByText(/احراز شد: سطح ۴/).waitFor();
      assert.doesNotMatch(await persianTextOf(page), /[0-9]/, 'Persian digits at the desk');
    }
    const shop = await shopPage(browser);
    await shop.getByText(`بازدید حضوری: ${agent.name}`, { exact: false }).waitFor();
    await screenshot(shop, 'field-shop-level4-360');
    assert.equal((await shopRecord()).verificationLevel, 4);
  });
});
