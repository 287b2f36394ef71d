import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error autocannon ships no type declarations; the few fields used are typed below.
import autocannonUntyped from 'autocannon';
import { withCheckDigit } from '../../src/server/gln.ts';
import { createTestDatabase } from '../pg-database.ts';

// `npm run bench:server`: the real server in its own process (so the load generator does not
// share its event loop), then lookups, nearby searches and complaint intake under autocannon.
// BENCH_ENGINE=postgres runs it on PostgreSQL (a fresh database on the cluster that
// `scripts/pg-cluster.sh start` runs); SQLite otherwise. Prints figures.
//
// On a shared machine absolute figures drift with the neighbours' load, so a change is judged
// side by side: BENCH_VS=<another checkout> (e.g. an unpacked `git archive main`, with
// node_modules linked) starts that checkout's server too, and every workload then runs
// BENCH_ROUNDS times on each, alternately (this, that, this, that …), each round for
// BENCH_SECONDS / BENCH_ROUNDS; the ratio is taken round by round, so drift affects both sides.
// Each figure comes with the server's own CPU time per request (from /proc), which neighbours'
// load disturbs far less than the rate. BENCH_CPU_PROF=<dir> writes each server's CPU profile
// (`node --cpu-prof`) under it on exit; BENCH_ONLY=<name prefix> runs only the workloads whose
// name starts so (e.g. `lookups`).

type BenchRequest = { method: string; path: string; headers?: Record<string, string> };
type BenchResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  [status: string]: unknown;
};
const autocannon = autocannonUntyped as (opts: Record<string, unknown>) => Promise<BenchResult>;

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ENGINE = process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
const VS = process.env.BENCH_VS || undefined;
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? (VS ? 4 : 1)));
const CPU_PROF = process.env.BENCH_CPU_PROF || undefined;

// The shipped limits stay on (every write passes the limiter, the quota table and the triage
// rule); only the ceilings one install would hit are raised, since autocannon files every
// complaint from a single install.
type Server = { name: string; url: string; child: ChildProcess; dataDir: string; drop?: () => Promise<void> };

async function startServer(name: string, checkout: string): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kbf-bench-'));
  const database = ENGINE === 'postgres' ? await createTestDatabase() : undefined;
  const databaseUrl = database?.url;
  const prof = CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', join(resolve(CPU_PROF), name)] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', 'src/server/main.ts'], {
    cwd: checkout,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: join(dataDir, 'none'),
      LIMIT_INSTALL_BURST: '100000000',
      LIMIT_INSTALL_PER_MIN: '6000000000',
      LIMIT_ADDRESS_BURST: '100000000',
      LIMIT_ADDRESS_PER_MIN: '6000000000',
      DAILY_COMPLAINTS_PER_INSTALL: '100000000',
      DAILY_COMPLAINTS_PER_INSTALL_SHOP: '100000000',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /Kala Be Fi listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { name, url, child, dataDir, drop: database?.drop };
}

async function stopServer(s: Server) {
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
  await s.drop?.();
  rmSync(s.dataDir, { recursive: true, force: true });
}

function line(r: BenchResult) {
  const codes = Object.entries(r)
    .filter(([k]) => /^[1-5]xx$/.test(k))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return `${Math.round(r.requests.average).toLocaleString('en')} req/s (mean), p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors}, timeouts ${r.timeouts}; ${codes}`;
}

/**
 * The server process's CPU time (user + system) so far, in seconds, from /proc (Linux). Per
 * request, it says what a change costs even when neighbours' load moves the rate and latency.
 */
function cpuSeconds(pid: number): number | undefined {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name: utime, stime.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
// USER_HZ: 100 on every Linux architecture Node runs on.
const CLOCK_TICKS = 100;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** One workload: what autocannon needs besides the URL and duration, per server. */
type Workload = { name: string; options: (s: Server) => Promise<Record<string, unknown>>; share: number };

/** Runs the workload ROUNDS times on each server in turn and prints each round and the ratios. */
async function run(w: Workload, servers: Server[]) {
  const opts = new Map<Server, Record<string, unknown>>();
  for (const s of servers) opts.set(s, await w.options(s));
  const seconds = Math.max(2, (DURATION * w.share) / ROUNDS);
  const results = new Map<Server, BenchResult[]>(servers.map((s) => [s, []]));
  // The server's CPU microseconds per request, round by round (NaN where /proc is not there).
  const cpu = new Map<Server, number[]>(servers.map((s) => [s, []]));
  for (let round = 0; round < ROUNDS; round++)
    for (const s of servers) {
      const before = cpuSeconds(s.child.pid!);
      const r = await autocannon({ connections: CONNECTIONS, ...opts.get(s), duration: seconds });
      const after = cpuSeconds(s.child.pid!);
      const us =
        before === undefined || after === undefined
          ? Number.NaN
          : ((after - before) * 1e6) / r.requests.total;
      results.get(s)!.push(r);
      cpu.get(s)!.push(us);
      if (ROUNDS > 1 || servers.length > 1)
        console.log(
          `  ${w.name}, round ${round + 1}, ${s.name}: ${line(r)}; server CPU ${Math.round(us)} µs/request`,
        );
    }
  for (const s of servers) {
    const rs = results.get(s)!;
    const us = Math.round(median(cpu.get(s)!));
    if (rs.length === 1)
      console.log(
        `${w.name}${servers.length > 1 ? ` [${s.name}]` : ''}: ${line(rs[0]!)}; server CPU ${us} µs/request`,
      );
    else
      console.log(
        `${w.name} [${s.name}]: median of ${rs.length} rounds ${Math.round(median(rs.map((r) => r.requests.average))).toLocaleString('en')} req/s, p50 ${median(rs.map((r) => r.latency.p50))} ms, p99 ${median(rs.map((r) => r.latency.p99))} ms (worst ${Math.max(...rs.map((r) => r.latency.p99))} ms), server CPU ${us} µs/request, errors ${rs.reduce((n, r) => n + r.errors, 0)}`,
      );
  }
  if (servers.length === 2) {
    const [a, b] = servers.map((s) => results.get(s)!);
    const [ca, cb] = servers.map((s) => cpu.get(s)!);
    const rate = a!.map((r, i) => r.requests.average / b![i]!.requests.average);
    const p99 = a!.map((r, i) => r.latency.p99 / b![i]!.latency.p99);
    const perRequest = ca!.map((x, i) => x / cb![i]!);
    console.log(
      `${w.name}: ${servers[0]!.name}/${servers[1]!.name} by round: req/s ${rate.map((x) => x.toFixed(2)).join(' ')} (median ${median(rate).toFixed(2)}); p99 median ${median(p99).toFixed(2)}; server CPU per request ${perRequest.map((x) => x.toFixed(2)).join(' ')} (median ${median(perRequest).toFixed(2)})`,
    );
  }
}

const servers = [await startServer('this', process.cwd())];
if (VS) servers.push(await startServer('vs', resolve(VS)));
console.log(
  `engine: ${ENGINE}${VS ? `; this checkout against ${resolve(VS)}, ${ROUNDS} alternating rounds` : ''}`,
);
try {
  const known = Array.from({ length: 2000 }, (_, i) =>
    withCheckDigit(`626${String(i + 1).padStart(9, '0')}`),
  );
  // 60% known, 20% unknown (well-formed), 20% revalidations that answer 304.
  const lookups = async (s: Server) => {
    const etags = new Map<string, string>();
    for (const gln of known.slice(0, 200)) {
      const res = await fetch(`${s.url}/api/v1/locations/${gln}`);
      await res.arrayBuffer();
      const tag = res.headers.get('etag');
      if (tag) etags.set(gln, tag);
    }
    const requests: BenchRequest[] = [];
    for (let i = 0; i < 1000; i++) {
      const roll = i % 10;
      if (roll < 6)
        requests.push({ method: 'GET', path: `/api/v1/locations/${known[(i * 7) % known.length]}` });
      else if (roll < 8)
        requests.push({
          method: 'GET',
          path: `/api/v1/locations/${withCheckDigit(`952${String(i).padStart(9, '0')}`)}`,
        });
      else {
        const [gln, tag] = [...etags][i % etags.size]!;
        requests.push({ method: 'GET', path: `/api/v1/locations/${gln}`, headers: { 'if-none-match': tag } });
      }
    }
    // Warm the record cache and the JIT before measuring.
    await autocannon({ url: s.url, connections: CONNECTIONS, duration: 2, requests });
    return { url: s.url, requests };
  };

  // Nearby is never cached by the service: every request reaches the spatial index. Centres are
  // the known shops' own positions, so each search has shops around it.
  const nearby = async (s: Server) => {
    const centres: string[] = [];
    for (const gln of known.slice(0, 100)) {
      const r = (await (await fetch(`${s.url}/api/v1/locations/${gln}`)).json()) as {
        geo?: { lat: number; lng: number };
      };
      if (r.geo) centres.push(`${r.geo.lat},${r.geo.lng}`);
    }
    return {
      url: s.url,
      requests: centres.map((c) => ({ method: 'GET', path: `/api/v1/locations?near=${c}&radius=300` })),
    };
  };

  // A Buffer, so Content-Length counts bytes of the Persian text, not characters.
  const body = Buffer.from(
    JSON.stringify({
      service_code: 'overpricing',
      address_id: known[0],
      attribute: { price_paid: 150000 },
      description: 'محک',
    }),
  );
  const intake = async (s: Server) => {
    const install = (await (await fetch(`${s.url}/api/v1/installs`, { method: 'POST' })).json()) as {
      install_token: string;
    };
    return {
      url: `${s.url}/open311/v2/requests.json`,
      connections: 10,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-install-token': install.install_token },
      body,
    };
  };

  const workloads: Workload[] = [
    { name: 'lookups (60% known, 20% unknown, 20% If-None-Match)', options: lookups, share: 1 },
    {
      name: 'resolver redirects (/414/{gln})',
      options: async (s) => ({
        url: s.url,
        requests: known.slice(0, 500).map((g) => ({ method: 'GET', path: `/414/${g}` })),
      }),
      share: 0.5,
    },
    { name: 'nearby (300 m around a shop)', options: nearby, share: 0.5 },
    { name: 'complaint intake (POST requests.json)', options: intake, share: 0.5 },
  ];
  const only = process.env.BENCH_ONLY;
  for (const w of workloads) if (!only || w.name.startsWith(only)) await run(w, servers);
} finally {
  for (const s of servers) await stopServer(s);
}
