// Shared set-up for the browser tests: the real server on an ephemeral port, and Debian's
// Chromium driven by playwright-core (Playwright's own browser download does not work here).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before } from 'node:test';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { createTestDatabase, TEST_ENGINE } from '../pg-database.ts';

const root = path.resolve(import.meta.dirname, '../..');

export function chromiumPath(): string {
  const candidate = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(candidate)) {
    throw new Error(
      `Chromium not found at ${candidate}. Install Debian's Chromium with ` +
        '`sudo apt-get update && sudo apt-get install -y chromium`, or set CHROME_PATH to a Chromium binary.',
    );
  }
  return candidate;
}

export function tmpDir(prefix = 'run-'): string {
  const base = path.join(root, 'tests/e2e/.tmp');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(path.join(base, prefix));
}

export type RunningApp = { url: string; dataDir: string; close(): Promise<void> };

/** Starts the reference server (app + resolver + API) on 127.0.0.1 with a fresh data directory. */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  if (!existsSync(path.join(root, 'dist/index.html')))
    throw new Error('dist/ is missing: run `npm run build` first');
  const dataDir = tmpDir('data-');
  // KBF_TEST_ENGINE=postgres: the same journeys on PostgreSQL, a fresh database per app.
  const database = TEST_ENGINE === 'postgres' ? await createTestDatabase() : undefined;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: 'dist',
      ...(database ? { DATABASE_URL: database.url } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForUrl(child);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    url,
    dataDir,
    async close() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await database?.drop();
    },
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

/**
 * One test file's world: the app started once before its tests, a scratch folder, and the
 * browsers and contexts each test opens (push them here), closed after every test.
 */
export function appPerFile(prefix: string) {
  const run = {
    app: undefined as unknown as RunningApp,
    dir: '',
    browsers: [] as Browser[],
    contexts: [] as BrowserContext[],
  };
  before(async () => {
    run.dir = tmpDir(prefix);
    run.app = await startApp();
  });
  afterEach(async () => {
    for (const c of run.contexts.splice(0)) await c.close().catch(() => {});
    for (const b of run.browsers.splice(0)) await b.close();
  });
  after(async () => {
    await run.app?.close();
  });
  return run;
}

export type BrowserOptions = { fakeVideo?: string; denyCamera?: boolean; extraArgs?: string[] };

// Without the background-networking flags Chromium keeps dialling out, and this machine's
// network refuses every such connection.
function chromiumArgs({ fakeVideo, denyCamera, extraArgs }: BrowserOptions): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--use-fake-device-for-media-stream',
    denyCamera ? '--deny-permission-prompts' : '--use-fake-ui-for-media-stream',
    ...(fakeVideo ? [`--use-file-for-fake-video-capture=${fakeVideo}`] : []),
    ...(extraArgs ?? []),
  ];
}

export function launchBrowser(opts: BrowserOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs(opts) });
}

/** A phone-sized context (the shopper's cheap Android phone). */
export function phoneContext(
  browser: Browser,
  extra: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'fa-IR',
    ...extra,
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.join(root, 'tests/e2e/screenshots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Visible text of the page with LTR data (<bdi>, code) removed: what must be in Persian digits. */
export function persianTextOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll('bdi, code, [dir="ltr"], script, style, noscript')) el.remove();
    return clone.textContent ?? '';
  });
}

/** A GLN of an active shop in the seeded demo registry, found over the public API. */
export async function demoGln(app: RunningApp, status = 'active'): Promise<string> {
  const res = await fetch(`${app.url}/api/v1/locations?near=35.6892,51.389&radius=5000`);
  const body = (await res.json()) as { items: { gln: string; status: string }[] };
  const hit = body.items.find((i) => i.status === status);
  if (!hit) throw new Error(`no ${status} demo location near Tehran`);
  return hit.gln;
}

/**
 * A phone-sized persistent context on a user-data directory: closing it and launching again on the
 * same directory keeps IndexedDB, the service worker and its Background Sync registrations, as a
 * killed and reopened browser tab would (a `storageState` does not carry IndexedDB).
 */
export function launchPersistent(
  userDataDir: string,
  opts: BrowserOptions & Parameters<typeof chromium.launchPersistentContext>[1] = {},
): Promise<BrowserContext> {
  const { fakeVideo, denyCamera, extraArgs, ...context } = opts;
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs({ fakeVideo, denyCamera, extraArgs }),
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'fa-IR',
    ...context,
  });
}

/**
 * Waits until the service worker is installed and activated, as a test must before it takes the
 * network away: from then on a new navigation is answered from the precache and Background Sync
 * can be registered. (Not until it controls this very document: Chromium sometimes leaves a page
 * loaded while the worker installed uncontrolled despite clients.claim(), until its next load.)
 * Bounded: a worker whose install never finishes would otherwise leave
 * `navigator.serviceWorker.ready` pending, and the test with it, for ever.
 */
export async function untilServiceWorkerActive(page: Page, timeoutMs = 30_000): Promise<void> {
  const outcome = await page.evaluate(async (ms) => {
    const active = (async () => {
      const reg = await navigator.serviceWorker.ready;
      while (reg.active?.state !== 'activated') await new Promise((r) => setTimeout(r, 100));
      return 'active';
    })();
    // What the worker was doing, for the failure message. (No named function in here: the test
    // runner's transpiler would wrap it in a helper the page does not have.)
    const late = new Promise<string>((r) =>
      setTimeout(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        r(
          reg
            ? `late: installing ${reg.installing?.state ?? 'none'}, waiting ${reg.waiting?.state ?? 'none'}, ` +
                `active ${reg.active?.state ?? 'none'}, document ${document.readyState}`
            : `late: no registration, document ${document.readyState}`,
        );
      }, ms),
    );
    return Promise.race([active, late]);
  }, timeoutMs);
  if (outcome !== 'active') {
    throw new Error(
      `the service worker was not active for ${page.url()} within ${timeoutMs} ms (${outcome})`,
    );
  }
}
