import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error autocannon ships no type declarations; the few fields used are typed below.
import autocannonUntyped from 'autocannon';

// `npm run bench:static-flood`: the service's resident memory before and after a flood of GETs
// for distinct paths that do not exist (issue 11, point 3), on 127.0.0.1, bounded by count.
// Prints RSS in MB; the figures go to RESULTS.md.

type Result = { requests: { average: number }; errors: number; [status: string]: unknown };
const autocannon = autocannonUntyped as (opts: Record<string, unknown>) => Promise<Result>;
const AMOUNT = Number(process.env.FLOOD_REQUESTS ?? 50_000);
// Long paths, as an attacker would send (Node accepts request heads up to 16 KB): each remembered
// miss then costs kilobytes, not bytes.
const PATH_BYTES = Number(process.env.FLOOD_PATH_BYTES ?? 4000);

const rssMb = (pid: number) => {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return Math.round(kb / 1024);
};

const dir = mkdtempSync(join(tmpdir(), 'kbf-flood-'));
const dist = join(dir, 'dist');
mkdirSync(join(dist, 'assets'), { recursive: true });
writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="fa" dir="rtl"><title>ک</title></html>');
writeFileSync(join(dist, 'assets/app-AbCdEf12.js'), 'export {};\n'.repeat(200));

const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), STATIC_DIR: dist },
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  // Settle: a few ordinary requests, then a collection, so "before" is the warm baseline.
  for (let i = 0; i < 200; i++) await (await fetch(`${url}/assets/app-AbCdEf12.js`)).arrayBuffer();
  await new Promise((r) => setTimeout(r, 1000));
  const before = rssMb(child.pid!);
  let n = 0;
  const flood = await autocannon({
    url,
    connections: 20,
    amount: AMOUNT,
    requests: [
      {
        method: 'GET',
        setupRequest: (req: Record<string, unknown>) => ({
          ...req,
          path: `/assets/missing-${n++}-${'x'.repeat(PATH_BYTES)}.js`,
        }),
      },
    ],
  });
  await new Promise((r) => setTimeout(r, 2000));
  const after = rssMb(child.pid!);
  console.log(
    `static flood: ${AMOUNT.toLocaleString('en')} GETs of distinct missing ${PATH_BYTES}-byte paths at ${Math.round(flood.requests.average).toLocaleString('en')} req/s; RSS before ${before} MB, after ${after} MB (+${after - before} MB); 4xx=${flood['4xx']} errors=${flood.errors}`,
  );
} finally {
  child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
