// Prints the gzip size of every JavaScript chunk in dist/ and of the app shell: the scripts
// index.html loads plus everything they import statically (what first paint costs the phone).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist');
const BUDGET_KB = 50;

if (!process.argv.includes('--no-build') || !existsSync(dist))
  execSync('npx vite build', { cwd: root, stdio: 'ignore' });

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);

function entryScripts(): string[] {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g),
  ];
  return refs.map((m) => m[1]!);
}

// Static imports only: `import"./a.js"` and `from"./b.js"`; dynamic import() is lazy by design.
function staticImports(rel: string): string[] {
  const code = readFileSync(path.join(dist, rel), 'utf8');
  const dir = path.posix.dirname(rel);
  const out: string[] = [];
  for (const m of code.matchAll(
    /(?:^|[;\s}])(?:import|export)\s*(?:[^'"();]*?\sfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g,
  )) {
    out.push(path.posix.normalize(path.posix.join(dir, m[1]!)));
  }
  return out;
}

const shell = new Set<string>();
const queue = entryScripts();
while (queue.length) {
  const next = queue.pop()!;
  if (shell.has(next)) continue;
  shell.add(next);
  queue.push(...staticImports(next));
}

const chunks = readdirSync(path.join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`)
  .concat(existsSync(path.join(dist, 'sw.js')) ? ['sw.js'] : []);
const rows = chunks.map((c) => ({ chunk: c, gzip: gz(path.join(dist, c)), shell: shell.has(c) }));
rows.sort((a, b) => Number(b.shell) - Number(a.shell) || b.gzip - a.gzip);

console.log('chunk'.padEnd(56), 'gzip KB', ' first paint');
for (const r of rows) console.log(r.chunk.padEnd(56), kb(r.gzip), r.shell ? '  yes' : '');
const total = rows.filter((r) => r.shell).reduce((s, r) => s + r.gzip, 0);
const all = rows.reduce((s, r) => s + r.gzip, 0);
console.log(
  `\napp shell (first paint) JS: ${kb(total).trim()} KB gzip (budget ${BUDGET_KB} KB) — all JS: ${kb(all).trim()} KB`,
);
if (total > BUDGET_KB * 1024) {
  console.log('OVER BUDGET');
  process.exitCode = 1;
}
