import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import {
  DESK_SESSION,
  FIELD_API,
  type LocationRecord,
  type NearbyResult,
  plateReadingPath,
  type Trust,
} from '../../src/api/index.ts';
import { FIRST_DEMO_GLN } from '../../src/server/seed/generate.ts';
import { appPerFile, launchBrowser, persianTextOf, phoneContext, screenshot } from './harness.ts';

// The trust badge end to end, against the real service: a shop the county inspector sealed
// (through the desk's API) shows "low trust" and why; a shop a field agent verified on site
// (level 4) with no upheld complaint shows a good badge and why; a shopper standing at that
// shop (Chromium's fake geolocation) confirms its plate and the service counts it. The page
// with "why this badge?" open has no axe violation at a phone's width.

const run = appPerFile('trust-');
const SEALED = FIRST_DEMO_GLN;

type DeskUser = { username: string; password: string; role: string; agencyId: string | null };
const user = (role: string, agencyId: string) => {
  const all = JSON.parse(
    readFileSync(path.join(run.app.dataDir, 'secrets/desk-users.json'), 'utf8'),
  ) as DeskUser[];
  const found = all.find((u) => u.role === role && u.agencyId === agencyId);
  assert.ok(found, `a demo ${role} of ${agencyId}`);
  return found;
};

async function apiSignIn(u: DeskUser) {
  const res = await fetch(run.app.url + DESK_SESSION, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: u.username, password: u.password }),
  });
  assert.equal(res.status, 200, `${u.username} signs in`);
  const { csrf_token } = (await res.json()) as { csrf_token: string };
  const cookie = /^([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
  return (p: string, body: unknown) =>
    fetch(run.app.url + p, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf_token, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
}

const record = async (gln: string) =>
  (await (await fetch(`${run.app.url}/api/v1/locations/${gln}`)).json()) as LocationRecord;

/** A complaint against the shop from another phone, over the public API. */
async function fileAgainst(gln: string): Promise<string> {
  const install = await fetch(`${run.app.url}/api/v1/installs`, { method: 'POST' });
  const { install_token } = (await install.json()) as { install_token: string };
  const res = await fetch(`${run.app.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Install-Token': install_token },
    body: JSON.stringify({
      service_code: 'overpricing',
      address_id: gln,
      attribute: { price_paid: 150000, labelled_price: 120000 },
      description: 'قیمت بیشتر از برچسب',
    }),
  });
  assert.equal(res.status, 201);
  return ((await res.json()) as { service_request_id: string }[])[0]!.service_request_id;
}

async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function shopPage(
  browser: Browser,
  gln: string,
  geolocation?: { latitude: number; longitude: number },
) {
  const context = await phoneContext(browser, {
    ...(geolocation ? { geolocation: { ...geolocation, accuracy: 8 }, permissions: ['geolocation'] } : {}),
  });
  run.contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${run.app.url}/place/${gln}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/** The badge by the shop's name as a screen reader says it: the hidden label, then the level. */
const badgeOf = async (page: Page) => (await page.locator('.place-head .trust-badge').textContent())?.trim();

async function openWhy(page: Page) {
  await page.getByText('چرا این نشان؟').click();
  const list = page.locator('.trust-why[open] .trust-factors li');
  await list.first().waitFor();
  return list.allTextContents();
}

describe('trust badge', () => {
  test('a shop sealed by the county inspector shows "low trust", and why', async () => {
    const id = await fileAgainst(SEALED);
    const inspector = await apiSignIn(user('inspector', 'chamber-tehran'));
    for (const stage of ['written_warning', 'pos_block', 'seal'])
      assert.equal((await inspector(FIELD_API.enforcement, { service_request_id: id, stage })).status, 201);

    const browser = await launchBrowser();
    run.browsers.push(browser);
    const page = await shopPage(browser, SEALED);
    assert.equal(await badgeOf(page), 'نشان اعتماد: اعتماد کم');
    const reasons = await openWhy(page);
    assert.equal(reasons.length, 6);
    assert.ok(
      reasons.some(
        (r) => r.includes('در ۱۲ ماه گذشته این مغازه پلمب شده است') && r.includes('۰ از ۲۵ امتیاز'),
      ),
      reasons.join('\n'),
    );
    assert.match((await page.locator('.trust-why').textContent()) ?? '', /پلمب در ۱۲ ماه گذشته نشان را/);
    assert.doesNotMatch(await persianTextOf(page), /[0-9]/, 'Persian digits on the shop page');
    assert.deepEqual(await axe(page), []);
    await screenshot(page, 'trust-sealed-why-360');
  });

  test('a level-4 shop with no upheld complaint shows its badge and why; a shopper there confirms the plate', async () => {
    // An active Tehran shop with a valid licence, near the first demo shop.
    const first = await record(SEALED);
    const near = (await (
      await fetch(`${run.app.url}/api/v1/locations?near=${first.geo.lat},${first.geo.lng}&radius=3000`)
    ).json()) as NearbyResult;
    let shop: LocationRecord | undefined;
    for (const item of near.items.filter((i) => i.gln !== SEALED && i.status === 'active')) {
      const r = await record(item.gln);
      if (
        r.address.county === first.address.county &&
        r.trust?.factors[2]?.key === 'trust:factor.licence.valid'
      ) {
        shop = r;
        break;
      }
    }
    assert.ok(shop, 'an active shop with a valid licence in the same county');
    const agent = await apiSignIn(user('field_agent', 'chamber-tehran'));
    const verified = await agent(FIELD_API.verify(shop.gln), {
      lat: shop.geo.lat,
      lng: shop.geo.lng,
      accuracy: 8,
      floor_ok: true,
      unit_ok: true,
      plate_ok: true,
    });
    assert.equal(verified.status, 201, await verified.text());
    const trust = (await record(shop.gln)).trust as Trust;
    assert.ok(trust.level === 'high' || trust.level === 'good', `level 4, licensed, clean: ${trust.level}`);
    const words = trust.level === 'high' ? 'بسیار قابل اعتماد' : 'قابل اعتماد';

    const browser = await launchBrowser();
    run.browsers.push(browser);
    const page = await shopPage(browser, shop.gln, { latitude: shop.geo.lat, longitude: shop.geo.lng });
    assert.equal(await badgeOf(page), `نشان اعتماد: ${words}`);
    const reasons = await openWhy(page);
    assert.ok(reasons[0]!.includes('مأمور در محل با GPS') && reasons[0]!.includes('۳۰ از ۳۰'), reasons[0]);
    assert.ok(reasons[4]!.includes('هیچ شکایتی وارد دانسته نشده است'), reasons[4]);
    assert.deepEqual(await axe(page), []);
    await screenshot(page, 'trust-level4-why-360');

    // The shopper at the shop's door taps "is this the right place?": the plate's confirmation.
    await page.getByRole('button', { name: 'آیا جای درستی هستم؟' }).click();
    await page.getByText('سپاس! تأیید شما برای این پلاک ثبت شد.').waitFor({ timeout: 15_000 });
    const plate = (await record(shop.gln)).trust!.factors.find((f) => f.factor === 'plate')!;
    assert.equal(plate.params?.count, 1, 'the service counted one confirmation');
    // Again, the same phone, the same month: recorded already, not counted twice.
    await page.getByRole('button', { name: 'دوباره بررسی کن' }).click();
    await page
      .getByText('تأیید شما برای این پلاک در این ماه پیش‌تر ثبت شده است.')
      .waitFor({ timeout: 15_000 });
    assert.equal((await record(shop.gln)).trust!.factors.find((f) => f.factor === 'plate')!.params?.count, 1);
    assert.deepEqual(await axe(page), []);
    await screenshot(page, 'trust-confirmed-360');
  });

  test("a plate three phones read far from its point reaches the county inspector's queue", async () => {
    const first = await record(SEALED);
    const near = (await (
      await fetch(`${run.app.url}/api/v1/locations?near=${first.geo.lat},${first.geo.lng}&radius=3000`)
    ).json()) as NearbyResult;
    const target = near.items.find((i) => i.gln !== SEALED && i.status === 'active' && i.distance > 500)!;
    for (let i = 0; i < 3; i++) {
      const install = await fetch(`${run.app.url}/api/v1/installs`, { method: 'POST' });
      const { install_token } = (await install.json()) as { install_token: string };
      const res = await fetch(run.app.url + plateReadingPath(target.gln), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Install-Token': install_token },
        body: JSON.stringify({ lat: target.geo.lat + 0.01, lng: target.geo.lng, accuracy: 10 }),
      });
      assert.equal(res.status, 201);
    }
    const browser = await launchBrowser();
    run.browsers.push(browser);
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fa-IR' });
    run.contexts.push(context);
    const page = await context.newPage();
    const inspector = user('inspector', 'chamber-tehran');
    await page.goto(`${run.app.url}/desk/county`);
    await page.waitForURL(/\/desk\/sign-in/);
    await page.getByLabel('نام کاربری').fill(inspector.username);
    await page.getByLabel('گذرواژه').fill(inspector.password);
    await page.getByRole('button', { name: 'ورود' }).click();
    const section = page.getByRole('region', { name: 'پلاک‌های جابه‌جا' });
    const item = section.locator('.field-misplaced', { hasText: target.gln });
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /۳ خریدار دور دیده‌اند، ۰ خریدار در محل/);
    assert.deepEqual(await axe(page), []);
    await screenshot(page, 'trust-county-misplaced-360');
  });
});
