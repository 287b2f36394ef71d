// Lighthouse (mobile emulation, simulated throttling) on the built app served by the real server.
// Prints the category scores per route. Run: npm run bench:lighthouse [-- --no-build] [-- --only /place]
// `--json DIR` also writes each route's full report (treemap, long tasks, LCP element) there.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath, demoGln, startApp } from '../e2e/harness.ts';

const root = path.resolve(import.meta.dirname, '../..');
if (!process.argv.includes('--no-build')) execSync('npx vite build', { cwd: root, stdio: 'ignore' });

const app = await startApp();
// The shop page every plate opens, on an active shop of the seeded demo registry.
const placeRoute = `/place/${await demoGln(app)}`;
const only = argValue('--only');
const jsonDir = argValue('--json');
const routes = ['/', '/history', '/more', placeRoute].filter((r) => !only || r.startsWith(only));
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath(),
  chromeFlags: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  console.log('route'.padEnd(21), 'performance accessibility best-practices seo');
  for (const route of routes) {
    const result = await audit(`${app.url}${route}`, chrome.port);
    const c = result.lhr.categories;
    const score = (k: string) => String(Math.round((c[k]?.score ?? 0) * 100)).padStart(6);
    console.log(
      route.padEnd(21),
      score('performance'),
      score('accessibility'),
      score('best-practices'),
      score('seo'),
    );
    if (jsonDir) {
      mkdirSync(jsonDir, { recursive: true });
      const name = route === '/' ? 'home' : route.slice(1).split('/')[0];
      writeFileSync(path.join(jsonDir, `${name}.json`), JSON.stringify(result.lhr));
    }
    const a = result.lhr.audits;
    const ms = (k: string) => `${k} ${Math.round(a[k]?.numericValue ?? 0)}`;
    console.log(
      `   ${['first-contentful-paint', 'largest-contentful-paint', 'speed-index', 'total-blocking-time'].map(ms).join(' ms, ')} ms, CLS ${(a['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)}`,
    );
    for (const [id, audit] of Object.entries(result.lhr.audits)) {
      if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary')
        console.log(`   failed: ${id}`);
    }
  }
} finally {
  await chrome.kill();
  await app.close();
}

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

// A cold Chromium sometimes fails its first trace (every score null); one more run settles it.
async function audit(url: string, port: number) {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    if (result && result.lhr.categories.performance?.score != null) return result;
    if (attempt === 3) throw new Error(`no Lighthouse result for ${url}`);
  }
}
