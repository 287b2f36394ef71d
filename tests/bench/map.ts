// Leaflet against MapLibre GL for the near-me map, side by side:
// - size: each library's map page bundled alone (esbuild, minified, as a lazy route's chunk would
//   be), JS and CSS gzip;
// - a slow phone: headless Debian Chromium at 360x740 with the CPU throttled 4x over CDP
//   (Emulation.setCPUThrottlingRate), the reference service's tiles and shops around Tehran,
//   then finger drags sent as CDP touch events (Input.dispatchTouchEvent) while the page counts
//   its frames (requestAnimationFrame) and long tasks (PerformanceObserver 'longtask').
// Run: npm run bench:map [-- --runs 3] [-- --no-build]
//
// WebGL in headless Chromium without a GPU is SwiftShader (software GL on the CPU, throttled
// with it): that is harder on MapLibre than a phone's GPU would be. Leaflet moves <img> tiles
// with CSS transforms, which the compositor does without WebGL. Keep that in mind reading it.
import { execSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchBrowser, phoneContext, startApp } from '../e2e/harness.ts';

const root = path.resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 3;
const LIBS = ['leaflet', 'maplibre'] as const;
type Lib = (typeof LIBS)[number];
/** Tehran, where the demo registry seeds its densest city. */
const CENTRE = { lat: 35.6892, lng: 51.389 };
const THROTTLE = 4;
// Outside the checkout: the bundles are scratch, and linters need not read them.
const out = mkdtempSync(path.join(tmpdir(), 'kbf-bench-map-'));

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function bundle(lib: Lib): Promise<{ js: number; css: number; worker: number }> {
  rmSync(path.join(out, lib), { recursive: true, force: true });
  mkdirSync(path.join(out, lib), { recursive: true });
  await build({
    entryPoints: [path.join(import.meta.dirname, `map/${lib}-entry.ts`)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outfile: path.join(out, lib, 'page.js'),
    logLevel: 'silent',
    // Leaflet's stylesheet names its control images; they are fetched only when shown.
    loader: { '.png': 'file', '.svg': 'file' },
  });
  // MapLibre 6 starts its worker from a module file of its own beside the bundle.
  const worker = path.join(root, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs');
  if (lib === 'maplibre') copyFileSync(worker, path.join(out, lib, 'maplibre-gl-worker.mjs'));
  return {
    worker: lib === 'maplibre' ? gz(readFileSync(worker)) : 0,
    js: gz(readFileSync(path.join(out, lib, 'page.js'))),
    css: gz(readFileSync(path.join(out, lib, 'page.css'))),
  };
}

function servePages(): Promise<Server> {
  const html = (lib: string) =>
    `<!doctype html><html><head><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<link rel="stylesheet" href="/${lib}/page.css"><style>html,body{margin:0;height:100%}` +
    `#map{position:fixed;inset:0}</style></head><body><div id="map"></div>` +
    `<script type="module" src="/${lib}/page.js"></script></body></html>`;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const m = /^\/(leaflet|maplibre)\/(page\.(?:js|css)|maplibre-gl-worker\.mjs)$/.exec(url.pathname);
    if (m) {
      res.setHeader('Content-Type', m[2]!.endsWith('css') ? 'text/css' : 'text/javascript');
      res.end(readFileSync(path.join(out, m[1]!, m[2]!)));
    } else if (/^\/(leaflet|maplibre)$/.test(url.pathname)) {
      res.setHeader('Content-Type', 'text/html');
      res.end(html(url.pathname.slice(1)));
    } else res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

type Run = {
  ready: number;
  fps: number;
  worstFrame: number;
  longTasks: number;
  longTaskMs: number;
  /** Finger moves the page took (120 when it kept up within the deadline). */
  moves: number;
};

// In the page before its code: every frame's time and every long task, from the first moment.
const PROBE = `
  window.benchFrames = [];
  window.benchLong = [];
  const tick = (t) => { window.benchFrames.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.benchLong.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
`;

async function oneRun(browser: Browser, pages: string, service: string, lib: Lib): Promise<Run> {
  const context = await phoneContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    page.on('pageerror', (e) => console.error(lib, 'page error:', e.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await page.goto(
      `${pages}/${lib}?service=${encodeURIComponent(service)}&lat=${CENTRE.lat}&lng=${CENTRE.lng}`,
    );
    await page.waitForFunction(
      () => window.benchReady !== undefined || window.benchFailed !== undefined,
      null,
      {
        timeout: 60_000,
      },
    );
    const failed = await page.evaluate(() => window.benchFailed);
    if (failed) throw new Error(`${lib}: ${failed}`);
    const ready = await page.evaluate(() => window.benchReady!);
    await page.evaluate(() => window.benchMap!.idle());
    const start = await page.evaluate(() => performance.now());
    // Six drags of 200 px in turn across, down, diagonally: a thumb looking around the street.
    const drags: [number, number][] = [
      [-200, 0],
      [200, 0],
      [0, -200],
      [0, 200],
      [-150, -150],
      [150, 150],
    ];
    // Bounded: a library too slow to follow a finger on this phone would take minutes otherwise;
    // the frames and long tasks counted until the deadline tell the story.
    const deadline = Date.now() + 45_000;
    let sent = 0;
    for (const [dx, dy] of drags) {
      if (Date.now() > deadline) break;
      const x0 = 180;
      const y0 = 370;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y: y0 }] });
      const steps = 20;
      for (let i = 1; i <= steps; i++) {
        await cdp.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: [{ x: x0 + (dx * i) / steps, y: y0 + (dy * i) / steps }],
        });
        sent++;
        await new Promise((r) => setTimeout(r, 16));
        if (Date.now() > deadline) break;
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await new Promise((r) => setTimeout(r, 100));
    }
    const end = await page.evaluate(() => performance.now());
    const { frames, long } = await page.evaluate(() => ({
      frames: (window as unknown as { benchFrames: number[] }).benchFrames,
      long: (window as unknown as { benchLong: [number, number][] }).benchLong,
    }));
    const inDrag = frames.filter((t) => t >= start && t <= end);
    let worst = 0;
    for (let i = 1; i < inDrag.length; i++) worst = Math.max(worst, inDrag[i]! - inDrag[i - 1]!);
    const tasks = long.filter(([t]) => t >= start && t <= end);
    return {
      ready,
      fps: (inDrag.length * 1000) / (end - start),
      worstFrame: worst,
      longTasks: tasks.length,
      longTaskMs: tasks.reduce((s, [, d]) => s + d, 0),
      moves: sent,
    };
  } finally {
    await context.close();
  }
}

if (!args.includes('--no-build')) execSync('npx vite build', { cwd: root, stdio: 'ignore' });
const sizes = { leaflet: await bundle('leaflet'), maplibre: await bundle('maplibre') };
const app = await startApp();
const pagesServer = await servePages();
const pages = `http://127.0.0.1:${(pagesServer.address() as AddressInfo).port}`;
// SwiftShader for WebGL (see above); the same flags for both libraries.
const browser = await launchBrowser({
  extraArgs: ['--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
});
const runs: Record<Lib, Run[]> = { leaflet: [], maplibre: [] };
try {
  // Alternating rounds, so a neighbour's load on the shared machine falls on both alike.
  for (let r = 0; r < RUNS; r++)
    for (const lib of LIBS) {
      console.error(`round ${r + 1}: ${lib}`);
      runs[lib].push(await oneRun(browser, pages, app.url, lib));
    }
} finally {
  await browser.close();
  pagesServer.close();
  await app.close();
  rmSync(out, { recursive: true, force: true });
}

const row = (label: string, f: (lib: Lib) => string) =>
  console.log(label.padEnd(44), ...LIBS.map((l) => f(l).padStart(14)));
console.log(
  `map libraries, ${RUNS} runs each (median), 360x740, CPU ${THROTTLE}x slower, tiles + shops from the reference service`,
);
row('', (l) => l);
row('route JS, min+gzip', (l) => kb(sizes[l].js));
row('its worker (loaded with the map), gzip', (l) => kb(sizes[l].worker));
row('route CSS, gzip', (l) => kb(sizes[l].css));
row('first tiles on screen (ms from navigation)', (l) => median(runs[l].map((x) => x.ready)).toFixed(0));
row('frames/s while dragging', (l) => median(runs[l].map((x) => x.fps)).toFixed(1));
row('worst frame while dragging (ms)', (l) => median(runs[l].map((x) => x.worstFrame)).toFixed(0));
row('long tasks while dragging', (l) => String(median(runs[l].map((x) => x.longTasks))));
row('finger moves taken of 120 (45 s cap)', (l) => String(median(runs[l].map((x) => x.moves))));
row('long-task time while dragging (ms)', (l) => median(runs[l].map((x) => x.longTaskMs)).toFixed(0));
