import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { appPerFile, launchBrowser, persianTextOf, screenshot } from './harness.ts';

// A person at the desk: signs in with the username and password the first start printed, sees
// the layout with their name and role, signs out; a wrong password is refused in Persian. The
// sign-in page and the layout have no axe violations, at a desk's width and a phone's.

const run = appPerFile('desk-');

type DeskUser = { username: string; password: string; role: string; agencyId: string | null };
const demoUser = (role: string): DeskUser => {
  const file = path.join(run.app.dataDir, 'secrets/desk-users.json');
  const users = JSON.parse(readFileSync(file, 'utf8')) as DeskUser[];
  return users.find((u) => u.role === role)!;
};

async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('نام کاربری').fill(username);
  await page.getByLabel('گذرواژه').fill(password);
  await page.getByRole('button', { name: 'ورود' }).click();
}

for (const width of [1280, 360] as const) {
  describe(`the desk at ${width} px`, () => {
    test('signs in, refuses a wrong password in Persian, shows the layout, signs out', async () => {
      const browser = await launchBrowser();
      run.browsers.push(browser);
      const context = await browser.newContext({
        viewport: { width, height: width === 360 ? 740 : 800 },
        locale: 'fa-IR',
      });
      run.contexts.push(context);
      const page = await context.newPage();
      const clerk = demoUser('clerk');

      // A desk page without a session leads to sign-in.
      await page.goto(`${run.app.url}/desk`);
      await page.waitForURL(/\/desk\/sign-in/);
      await page.getByRole('heading', { name: 'ورود به میز کار' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
      assert.deepEqual(await axe(page), []);
      await screenshot(page, `desk-sign-in-${width}`);

      await signIn(page, clerk.username, 'not-the-password');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match((await alert.textContent()) ?? '', /نام کاربری یا گذرواژه درست نیست/);
      assert.deepEqual(await axe(page), []);
      await screenshot(page, `desk-sign-in-refused-${width}`);

      await signIn(page, clerk.username, clerk.password);
      await page.waitForURL((u) => u.pathname === '/desk');
      await page.getByText('کارشناس اتحادیه').first().waitFor();
      await page.getByRole('navigation', { name: 'بخش‌های میز کار' }).waitFor();
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await axe(page), []);
      assert.doesNotMatch(await persianTextOf(page), /[0-9]/, 'Persian text uses Persian digits');
      await screenshot(page, `desk-layout-${width}`);

      await page.getByRole('button', { name: 'خروج' }).click();
      await page.waitForURL(/\/desk\/sign-in/);
      // Signed out for good: the desk leads to sign-in again.
      await page.goto(`${run.app.url}/desk`);
      await page.waitForURL(/\/desk\/sign-in/);

      // A manager reads the audit trail: the clerk's sign-in and sign-out, Jalali dates.
      const manager = demoUser('manager');
      await page.getByRole('heading', { name: 'ورود به میز کار' }).waitFor();
      await signIn(page, manager.username, manager.password);
      await page.waitForURL((u) => u.pathname === '/desk');
      await page.getByRole('link', { name: 'گزارش کارها' }).click();
      await page.getByRole('heading', { name: 'گزارش کارها' }).waitFor();
      await page.getByRole('cell', { name: 'session.sign-out' }).first().waitFor();
      assert.deepEqual(await axe(page), []);
      assert.doesNotMatch(await persianTextOf(page), /[0-9]/, 'Persian text uses Persian digits');
      await screenshot(page, `desk-audit-${width}`);
    });
  });
}
