import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { demoGln, launchBrowser, phoneContext, type RunningApp, startApp } from './harness.ts';

let app: RunningApp;
let browser: Browser;
let gln: string;

before(async () => {
  app = await startApp();
  browser = await launchBrowser();
  gln = await demoGln(app);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

const routes = () => [
  '/',
  '/scan',
  '/history',
  '/complaints',
  '/more',
  `/place/${gln}`,
  `/complaints/new/${gln}`,
  '/report/missing-plate',
  '/no-such-page',
];

for (const scheme of ['light', 'dark'] as const) {
  describe(`accessibility in the ${scheme} theme`, () => {
    test('axe finds no violation on any route', async () => {
      const context = await phoneContext(browser, { colorScheme: scheme });
      const page = await context.newPage();
      const failures: string[] = [];
      for (const route of routes()) {
        await page.goto(`${app.url}${route}`);
        await page.locator('main h1').first().waitFor();
        // Let lazy content and async data settle before judging it.
        await page.waitForLoadState('networkidle');
        const { violations } = await new AxeBuilder({ page }).analyze();
        for (const v of violations) {
          failures.push(
            `${route}: ${v.id} (${v.impact}) — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
        }
      }
      assert.deepEqual(failures, []);
      await context.close();
    });
  });
}
