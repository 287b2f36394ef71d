import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { readDeskUsers } from '../../src/server/secrets/desk-users.ts';
import { FIRST_DEMO_GLN } from '../../src/server/seed/generate.ts';
import { appPerFile, launchBrowser, persianTextOf, phoneContext, screenshot } from './harness.ts';

// Public outcomes end to end in headless Chromium against the real service: a shopper files with
// "show my words" ticked and another complaint without it; a union clerk closes both with an
// outcome and a reply and approves the first one's words on the desk's moderation page; a new
// shopper opening the shop's page sees the outcome counts, both replies, the approved words and
// never the unpublished ones. axe on the shop page with the section and on the moderation page;
// screenshots at 360 and 1280 px.

const UNION = 'union-4711-tehran';
const run = appPerFile('outcomes-');

const clerk = () => {
  const found = readDeskUsers(run.app.dataDir).find((u) => u.role === 'clerk' && u.agencyId === UNION);
  assert.ok(found, `a demo clerk of ${UNION}`);
  return found;
};

async function browser(): Promise<Browser> {
  const b = await launchBrowser();
  run.browsers.push(b);
  return b;
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

/** Files a complaint of a category with no required evidence and answers its tracking code. */
async function file(page: Page, category: RegExp, words: string, publish: boolean): Promise<string> {
  await page.goto(`${run.app.url}/complaints/new/${FIRST_DEMO_GLN}`);
  await page.getByRole('button', { name: category }).click();
  await page.getByLabel(/شرح ماجرا/).fill(words);
  const consent = page.getByRole('checkbox', { name: /نوشتهٔ من، بدون نام و مشخصاتم/ });
  assert.equal(await consent.isChecked(), false, 'publishing is off unless the reporter ticks it');
  if (publish) await consent.check();
  await page.getByLabel(/گواهی می‌کنم/).check();
  await page.getByRole('button', { name: 'بازبینی' }).click();
  if (publish) await page.getByText('بله، بدون نام و مشخصات و پس از تأیید اتحادیه').waitFor();
  await page.getByRole('button', { name: 'ثبت و ارسال شکایت' }).click();
  await page.getByText('دریافت شد', { exact: true }).waitFor({ timeout: 30_000 });
  const code = (await page.locator('.tracking-value').first().textContent())?.trim() ?? '';
  assert.match(code, /^[2-9A-Z]{8}$/, 'the shopper got a tracking code');
  return code;
}

async function closeWith(page: Page, code: string, outcome: string, reply: string) {
  await page.goto(`${run.app.url}/desk/complaints/${code}`);
  await page.getByRole('heading', { name: new RegExp(code) }).waitFor();
  // The label wraps the select, so its name carries the chosen option's words too.
  await page.getByRole('combobox', { name: /^نتیجه/ }).selectOption(outcome);
  await page.getByLabel('متن رأی برای گزارش‌دهنده').fill(reply);
  await page.getByRole('button', { name: 'بستن شکایت', exact: true }).click();
  await page.getByText('شکایت بسته شد.').waitFor();
}

const WORDS = 'فروشنده گفت کارتخوان فاکتور نمی‌دهد و رسید دستی هم نداد.';
const PRIVATE_WORDS = 'برچسب قیمت روی قفسه‌ها نبود و این را فقط اتحادیه بخواند.';
const REPLY_A = 'تخلف احراز شد و به واحد صنفی اخطار کتبی داده شد.';
const REPLY_B = 'بازرس در بازدید برچسب‌ها را روی همهٔ قفسه‌ها دید.';

describe('public outcomes', () => {
  test('filed with "show my words", closed and approved at the desk: the shop page shows outcome, reply and words; without consent only the outcome', async () => {
    const b = await browser();
    const phone = await phoneContext(b);
    run.contexts.push(phone);
    const shopper = await phone.newPage();
    const published = await file(shopper, /^عدم صدور صورتحساب/, WORDS, true);
    const kept = await file(shopper, /^عدم درج قیمت/, PRIVATE_WORDS, false);

    const desk = await b.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fa-IR' });
    run.contexts.push(desk);
    const page = await desk.newPage();
    await page.goto(`${run.app.url}/desk/sign-in`);
    await page.getByLabel('نام کاربری').fill(clerk().username);
    await page.getByLabel('گذرواژه').fill(clerk().password);
    await page.getByRole('button', { name: 'ورود' }).click();
    await page.waitForURL((u) => u.pathname !== '/desk/sign-in');
    await closeWith(page, published, 'violation_found', REPLY_A);
    await closeWith(page, kept, 'no_violation', REPLY_B);

    // The moderation page lists the published words only, and the clerk approves them.
    await page.getByRole('link', { name: 'نوشته‌های شاکیان' }).click();
    await page.getByRole('heading', { name: 'نوشته‌هایی که شاکیان خواسته‌اند منتشر شود' }).waitFor();
    await page.getByText(WORDS).waitFor();
    assert.equal(await page.getByText(PRIVATE_WORDS).count(), 0, 'unpublished words are not for moderation');
    await axeClean(page, '/desk/moderation');
    assert.doesNotMatch(await persianTextOf(page), /[0-9]/, 'Persian digits on the moderation page');
    await screenshot(page, 'desk-moderation-1280');
    await page.setViewportSize({ width: 360, height: 740 });
    await screenshot(page, 'desk-moderation-360');
    await page.getByRole('button', { name: `تأیید نوشتهٔ شکایت ${published}` }).click();
    await page.getByText('نوشته تأیید شد و در صفحهٔ فروشگاه نمایش داده می‌شود.').waitFor();

    // Another shopper opens the shop's page (nothing of it cached).
    const other = await phoneContext(b);
    run.contexts.push(other);
    const visitor = await other.newPage();
    await visitor.goto(`${run.app.url}/place/${FIRST_DEMO_GLN}`);
    const heading = visitor.getByRole('heading', { name: 'نتیجهٔ شکایت‌ها در ۱۲ ماه گذشته' });
    await heading.waitFor({ timeout: 15_000 });
    const section = visitor.locator('section.outcomes');
    const rows = await section.getByRole('row').allTextContents();
    assert.ok(rows.includes('عدم صدور صورتحسابتخلف احراز شد۱'), `the upheld complaint is counted: ${rows}`);
    assert.ok(rows.includes('عدم درج قیمتتخلفی احراز نشد۱'), `the rejected complaint is counted: ${rows}`);
    await section.getByText(REPLY_A).waitFor();
    await section.getByText(REPLY_B).waitFor();
    await section.getByText(WORDS).waitFor();
    const text = (await section.textContent()) ?? '';
    assert.ok(!text.includes(PRIVATE_WORDS), 'words without consent never show');
    assert.ok(!text.includes(published) && !text.includes(kept), 'no tracking code shows');
    assert.doesNotMatch(await persianTextOf(visitor), /[0-9]/, 'Persian digits on the shop page');
    await axeClean(visitor, '/place/:gln with outcomes');
    await section.scrollIntoViewIfNeeded();
    await screenshot(visitor, 'place-outcomes-360');
    await visitor.setViewportSize({ width: 1280, height: 900 });
    await screenshot(visitor, 'place-outcomes-1280');
    const overflow = await visitor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the shop page does not scroll sideways (${overflow})`);
  });
});
