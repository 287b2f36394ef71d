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

describe('zoomed to 200 %', () => {
  // A 360 px phone at 200 % zoom lays pages out in 180 CSS px: nothing may spill sideways.
  test('no route scrolls sideways or hides text off screen', async () => {
    const context = await phoneContext(browser, { viewport: { width: 180, height: 370 } });
    const page = await context.newPage();
    const overflowing: string[] = [];
    for (const route of routes()) {
      await page.goto(`${app.url}${route}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const wide = await page.evaluate(() => {
        const limit = document.documentElement.clientWidth + 1;
        const out = [...document.querySelectorAll('main *, nav *, header *')]
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && (r.right > limit || r.left < -1);
          })
          .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`);
        return document.documentElement.scrollWidth > limit ? ['<page scrolls sideways>', ...out] : out;
      });
      if (wide.length) overflowing.push(`${route}: ${wide.slice(0, 5).join(', ')}`);
    }
    assert.deepEqual(overflowing, []);
    await context.close();
  });
});
