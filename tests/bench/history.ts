// Fills the app's IndexedDB with 10,000 scans in headless Chromium, then prints how long the
// history page takes to show the list and to answer searches. Run: npm run bench:history
import { execSync } from 'node:child_process';
import path from 'node:path';
import { launchBrowser, phoneContext, startApp } from '../e2e/harness.ts';

const root = path.resolve(import.meta.dirname, '../..');
if (!process.argv.includes('--no-build')) execSync('npx vite build', { cwd: root, stdio: 'ignore' });

const COUNT = 10_000;
const app = await startApp();
const browser = await launchBrowser();
try {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await page.goto(`${app.url}/history`);
  await page.locator('main h1').waitFor();

  await page.evaluate(async (count) => {
    const names = [
      'پوشاک یاس',
      'نانوایی بربری',
      'کتاب‌فروشی امید',
      'موبایل پارس',
      'لبنیات سحر',
      'آرایشگاه نگین',
    ];
    const open = indexedDB.open('kala-be-fi');
    const idb: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = idb.transaction('scans', 'readwrite');
    const store = tx.objectStore('scans');
    for (let i = 0; i < count; i++) {
      const body = String(626000000000 + i).padStart(12, '0');
      let sum = 0;
      for (let k = 0; k < 12; k++) sum += Number(body[11 - k]) * (k % 2 === 0 ? 3 : 1);
      const gln = body + String((10 - (sum % 10)) % 10);
      store.put({
        raw: `https://qr.example.ir/414/${gln}`,
        kind: 'gs1-location',
        classification: { kind: 'gs1-location', gln, elements: [{ ai: '414', value: gln }] },
        gln,
        at: Date.now() - i * 60_000,
        name: `${names[i % names.length]} ${i}`,
        search: gln,
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    idb.close();
  }, COUNT);

  const renders: number[] = [];
  for (let run = 0; run < 5; run++) {
    await page.goto(`${app.url}/`);
    await page.locator('main h1').waitFor();
    await page.evaluate(() => performance.mark('history-start'));
    await page.getByRole('link', { name: 'سوابق', exact: true }).click();
    await page.locator('.history-item').first().waitFor();
    renders.push(
      await page.evaluate(() => {
        const start = performance.getEntriesByName('history-start').at(-1)!.startTime;
        return performance.getEntriesByName('history-rendered').at(-1)!.startTime - start;
      }),
    );
  }

  const queries = ['یاس', 'كتاب فروشي', '۶۲۶۰۰۰۰۰۰۵', 'نانوایی ۹۹', 'پارس 12', 'هیچ‌چیز'];
  const searches: { query: string; ms: number; found: number }[] = [];
  for (const query of queries) {
    searches.push(
      await page.evaluate(async (q) => {
        const input = document.querySelector<HTMLInputElement>('.history-search input')!;
        const t0 = performance.now();
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 0));
        const ms = performance.now() - t0;
        return { query: q, ms, found: document.querySelectorAll('.history-item').length };
      }, query),
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`scans in IndexedDB: ${COUNT}`);
  console.log(
    `history list shown (nav tap -> first page painted), median of ${renders.length}: ${median(renders).toFixed(1)} ms (runs: ${renders.map((r) => r.toFixed(0)).join(', ')})`,
  );
  for (const s of searches)
    console.log(
      `search ${JSON.stringify(s.query).padEnd(18)} ${s.ms.toFixed(1).padStart(6)} ms, ${s.found} rows shown`,
    );
  console.log(
    `search median: ${median(searches.map((s) => s.ms)).toFixed(1)} ms, max: ${Math.max(...searches.map((s) => s.ms)).toFixed(1)} ms`,
  );
  await context.close();
} finally {
  await browser.close();
  await app.close();
}
