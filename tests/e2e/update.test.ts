import assert from 'node:assert/strict';
import { appendFileSync, cpSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, phoneContext, type RunningApp, startApp, tmpDir } from './harness.ts';

// A deploy while the app is open: the new service worker waits, the shopper is asked in Persian,
// and the reload brings the new version in. Both deploys must share an origin (same port).

let browser: Browser;
const running: RunningApp[] = [];

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  for (const app of running) await app.close();
  await browser?.close();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('updates', () => {
  test('a new version waits for the shopper, who is asked in Persian and reloads into it', async () => {
    const port = String(await freePort());
    const first = await startApp({ PORT: port });
    running.push(first);
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(first.url);
    await page.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active!;
      if (worker.state !== 'activated') await new Promise((r) => worker.addEventListener('statechange', r));
    });
    await first.close();

    // The next deploy: the same build with a service worker that differs by one line.
    const nextDist = tmpDir('dist-');
    cpSync(path.resolve(import.meta.dirname, '../../dist'), nextDist, { recursive: true });
    appendFileSync(path.join(nextDist, 'sw.js'), '\n// next deploy\n');
    const second = await startApp({ PORT: port, STATIC_DIR: nextDist });
    running.push(second);

    await page.reload();
    await page.getByText('نسخه تازه برنامه آماده است.').waitFor({ timeout: 20_000 });
    const waiting = await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).waiting));
    assert.ok(waiting, 'the new worker waits instead of taking over on its own');

    await Promise.all([
      page.waitForEvent('framenavigated', { timeout: 20_000 }),
      page.getByRole('button', { name: 'بارگذاری دوباره' }).click(),
    ]);
    await page.getByRole('navigation', { name: 'پیمایش اصلی' }).waitFor();
    const stillWaiting = await page.evaluate(async () =>
      Boolean((await navigator.serviceWorker.ready).waiting),
    );
    assert.equal(stillWaiting, false, 'the new worker took over: none is left waiting');
    assert.equal(await page.getByText('نسخه تازه برنامه آماده است.').count(), 0);
    await context.close();
  });
});
