import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
// @ts-expect-error autocannon ships no type declarations; the few fields used are typed below.
import autocannonUntyped from 'autocannon';
import { createLogger } from '../../src/server/log.ts';
import { createMetrics } from '../../src/server/metrics.ts';

// `npm run bench:ops`: what request ids, the log line and the metrics cost a lookup. The service
// (SQLite) in its own process answers the same cached record lookups with LOG_FORMAT=off and
// =json (its stdout drained, as a log collector would), alternating, BENCH_ROUNDS times. The
// figure that counts is the service's CPU time per request (process.cpuUsage), which other load
// on a shared machine does not blur as it does requests per second. Then the per-request work
// itself (an id, a metrics observation, one JSON line) timed in a loop.

type Result = { requests: { average: number; total: number }; latency: { p50: number; p99: number } };
const autocannon = autocannonUntyped as (opts: Record<string, unknown>) => Promise<Result>;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const GLN = '6260000000019';

async function run(format: 'off' | 'json') {
  const child = fork('tests/bench/ops-overhead-server.ts', [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, LOG_FORMAT: format },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let logged = 0;
  child.stdout!.on('data', (d: Buffer) => {
    logged += d.length;
  });
  const url = await new Promise<string>((resolve) => child.once('message', (m) => resolve(String(m))));
  const requests = [{ method: 'GET', path: `/api/v1/locations/${GLN}` }];
  await autocannon({ url, connections: 20, duration: 2, requests });
  const cpu = () =>
    new Promise<number>((resolve) => {
      child.once('message', (m) => resolve(Number(m)));
      child.send('cpu');
    });
  logged = 0;
  const before = await cpu();
  const r = await autocannon({ url, connections: 20, duration: SECONDS, requests });
  const perRequest = (await cpu()) - before;
  child.kill('SIGTERM');
  const us = perRequest / Math.max(1, r.requests.total);
  console.log(
    `LOG_FORMAT=${format.padEnd(4)} ${us.toFixed(1)} µs CPU/request; ${Math.round(r.requests.average).toLocaleString('en')} req/s, p99 ${r.latency.p99} ms, ${Math.round(logged / Math.max(1, r.requests.total))} log bytes/request`,
  );
  return us;
}

const off: number[] = [];
const json: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  off.push(await run('off'));
  json.push(await run('json'));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `median CPU per lookup: off ${median(off).toFixed(1)} µs, json ${median(json).toFixed(1)} µs (+${(median(json) - median(off)).toFixed(1)} µs, ${((median(json) / median(off) - 1) * 100).toFixed(1)} %)`,
);

// The per-request work in isolation (what requestLog adds besides the log write itself).
const metrics = createMetrics();
let sink = 0;
const log = createLogger('json', (line) => {
  sink += line.length;
});
const N = 200_000;
for (const [label, work] of [
  ['request id (randomUUID)', () => randomUUID()],
  ['metrics observe', () => metrics.observe('GET', '/api/v1/locations/:gln', 200, 0.0004)],
  [
    'JSON log line (formatting)',
    () =>
      log.info('request', {
        request_id: 'd1746d87-d62e-482d-9d5b-2c06c1032129',
        method: 'GET',
        route: '/api/v1/locations/:gln',
        status: 200,
        duration_ms: 0.41,
      }),
  ],
] as const) {
  for (let i = 0; i < 10_000; i++) work();
  const t = performance.now();
  for (let i = 0; i < N; i++) work();
  console.log(`${label.padEnd(28)} ${(((performance.now() - t) / N) * 1000).toFixed(2)} µs`);
}
if (sink < 0) console.log(sink);
