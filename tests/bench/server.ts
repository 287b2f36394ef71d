import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error autocannon ships no type declarations; the few fields used are typed below.
import autocannonUntyped from 'autocannon';
import pg from 'pg';
import { generateNational } from '../../src/server/bulk/generate-national.ts';
import { type NationalRows, nationalGln, nationalRows } from '../../src/server/bulk/national-rows.ts';
import { openBulkTarget } from '../../src/server/bulk/open-target.ts';
import { createProgress } from '../../src/server/bulk/progress.ts';
import { withCheckDigit } from '../../src/server/gln.ts';
import { createTestDatabase, PG_ADMIN_URL } from '../pg-database.ts';
import { type LoadResult, type OpenLoopRequest, openLoop } from './open-loop.ts';

// `npm run bench:server`: the real server in its own process (so the load generator does not
// share its event loop), then lookups, nearby searches and complaint intake under autocannon.
// Prints figures, the load average before and after them.
//
// Where: BENCH_ENGINE=postgres runs it on PostgreSQL (the cluster that `scripts/pg-cluster.sh
// start` runs; a fresh database per server); SQLite otherwise. BENCH_REGISTRY=3000000 adds that
// many generated shops to the demo registry (npm run registry:generate) in a database kept for the
// next run (kbf_registry_N on the cluster, or $TMPDIR/kbf-registry-N), so a rerun only measures;
// BENCH_FRESH=1 makes it anew. On PostgreSQL a second instance then shares the first's database,
// to show what one more instance adds.
//
// Side by side: on a shared machine absolute figures drift with the neighbours' load, so a change
// is judged against another checkout. BENCH_VS=<another checkout> (e.g. `git worktree add`, with
// node_modules linked) starts that checkout's server too, on the same registry, and every
// workload then runs BENCH_ROUNDS times on each, alternately (this, that, this, that …), each
// round for its share of BENCH_SECONDS / BENCH_ROUNDS; the ratio is taken round by round, so
// drift affects both sides.
//
// Each figure comes with the CPU time per request of the server (and on PostgreSQL of the
// cluster's processes), from /proc: neighbours' load moves rate and latency far more than that.
// BENCH_RATE (200; a list such as 50,100,200 runs each) is the rate of the latency workloads,
// whose requests arrive on their own schedule (open-loop.ts), not through autocannon; BENCH_CPU_PROF=<dir> writes each
// server's CPU profile (`node --cpu-prof`) under it on exit; BENCH_ONLY=<name prefix> runs only
// the workloads whose name starts so (e.g. `lookups`).

type BenchRequest = { method: string; path: string; headers?: Record<string, string> };
type BenchResult = LoadResult;
const autocannon = autocannonUntyped as (opts: Record<string, unknown>) => Promise<BenchResult>;

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ENGINE = process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
const REGISTRY = Number(process.env.BENCH_REGISTRY ?? 0);
const FRESH = Boolean(process.env.BENCH_FRESH);
/** Latency is measured at a fixed rate well under saturation: at full load p99 is queueing time. */
const RATES = (process.env.BENCH_RATE ?? '200').split(',').map(Number);
const VS = process.env.BENCH_VS || undefined;
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? (VS ? 4 : 1)));
const CPU_PROF = process.env.BENCH_CPU_PROF || undefined;
const ONLY = process.env.BENCH_ONLY;

const load = () =>
  execFileSync('uptime', { encoding: 'utf8' })
    .trim()
    .replace(/^.*load average/, 'load average');

// ---- Where the servers keep their data ----

/** A server's data: its directory (secrets, products, and on SQLite the database) and database. */
type Place = { dataDir: string; databaseUrl?: string; scratch: boolean; drop?: () => Promise<void> };

/** An empty place of its own, removed afterwards: the demo registry only. */
async function freshPlace(): Promise<Place> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kbf-bench-'));
  const database = ENGINE === 'postgres' ? await createTestDatabase() : undefined;
  return { dataDir, databaseUrl: database?.url, scratch: true, drop: database?.drop };
}

/** The registry of REGISTRY generated shops, made or completed here and kept for the next run. */
async function registryPlace(size: number): Promise<Place> {
  const name = `kbf_registry_${size}`;
  const dataDir = join(tmpdir(), `kbf-registry-${size}`);
  let databaseUrl: string | undefined;
  if (ENGINE === 'postgres') {
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    if (FRESH) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    databaseUrl = PG_ADMIN_URL.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  } else if (FRESH) rmSync(dataDir, { recursive: true, force: true });
  const target = await openBulkTarget({ dataDir, databaseUrl });
  try {
    const { state, wrote } = await generateNational(target, {
      seed: 1402,
      count: size,
      batch: 20_000,
      progress: (at) => createProgress(`registry (${ENGINE})`, size, at),
    });
    const bytes = await target.sizeBytes();
    console.log(
      `registry: ${state.done.toLocaleString('en')} generated + the demo registry; import time ${state.seconds.toFixed(0)} s` +
        `${wrote ? '' : ' (made by an earlier run)'}; database ${(bytes / 2 ** 30).toFixed(2)} GiB on disk`,
    );
  } finally {
    await target.close();
  }
  return { dataDir, databaseUrl, scratch: false };
}

/**
 * Reads the registry's files once, so they are in the operating system's page cache as on a
 * server that has been answering for a while: otherwise the first searches around shops not yet
 * asked for wait for the disk (seconds at p99), and what is measured is the disk.
 */
async function warmFiles(of: Place) {
  const started = performance.now();
  let files: string[];
  if (of.databaseUrl) {
    const c = new pg.Client({ connectionString: of.databaseUrl });
    await c.connect();
    const { rows } = await c.query<{ oid: number }>(
      `SELECT oid FROM pg_database WHERE datname = current_database()`,
    );
    // And into PostgreSQL's own buffer cache, as much of the registry's tables and indexes as it
    // holds (KBF_PG_SHARED_BUFFERS; the figures take one that holds them all).
    await c.query(`CREATE EXTENSION IF NOT EXISTS pg_prewarm`);
    const warmed = await c.query<{ blocks: string; buffers: string }>(
      `SELECT sum(pg_prewarm(c.oid)) AS blocks, current_setting('shared_buffers') AS buffers
       FROM pg_class c WHERE c.relname IN ('locations', 'licences', 'guilds')
          OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN ('locations'::regclass, 'licences'::regclass))`,
    );
    await c.end();
    console.log(
      `buffer cache (shared_buffers ${warmed.rows[0]!.buffers}): ${Number(warmed.rows[0]!.blocks).toLocaleString('en')} blocks of the registry read into it`,
    );
    const dir = join(process.env.KBF_PG_DIR ?? '/tmp/kbf-pg', 'data/base', String(rows[0]!.oid));
    files = readdirSync(dir).map((f) => join(dir, f));
  } else files = [join(of.dataDir, 'kala-be-fi.sqlite')];
  let bytes = 0;
  for (const f of files) for await (const chunk of createReadStream(f)) bytes += (chunk as Buffer).byteLength;
  console.log(
    `page cache: read ${(bytes / 2 ** 30).toFixed(2)} GiB of the registry's files in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/**
 * Where a second instance of the same checkout works: the same PostgreSQL database (instances of
 * the service share one by design), a data directory of its own for its products file.
 */
function besidePlace(of: Place): Place {
  return { dataDir: mkdtempSync(join(tmpdir(), 'kbf-bench-')), databaseUrl: of.databaseUrl, scratch: true };
}

/**
 * Where another checkout works on the same registry: a copy, dropped afterwards, since that
 * checkout runs its own migrations at start and must not change the kept registry. Made before
 * any server connects (PostgreSQL copies a template only while nobody is connected to it).
 */
async function copyPlace(of: Place): Promise<Place> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kbf-bench-'));
  if (!of.databaseUrl) {
    cpSync(of.dataDir, dataDir, { recursive: true });
    return { dataDir, scratch: true };
  }
  // The database's name, as registryPlace put it in the URL (a socket URL has no host for URL()).
  const database = await createTestDatabase(/\/([^/?]*)(?:\?|$)/.exec(of.databaseUrl)![1]);
  return { dataDir, databaseUrl: database.url, scratch: true, drop: database.drop };
}

// ---- The servers ----

type Server = { name: string; url: string; child: ChildProcess; place: Place; checkout: string };

// The shipped limits stay on (every write passes the limiter, the quota table and the triage
// rule); only the ceilings one install would hit are raised, since autocannon files every
// complaint from a single install.
async function startServer(name: string, checkout: string, place: Place): Promise<Server> {
  const prof = CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', join(resolve(CPU_PROF), name)] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', 'src/server/main.ts'], {
    cwd: checkout,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      // As `npm run serve` runs it: a JSON line per request (LOG_FORMAT=text to compare).
      LOG_FORMAT: process.env.LOG_FORMAT ?? 'json',
      DATA_DIR: place.dataDir,
      STATIC_DIR: join(place.dataDir, 'none'),
      LIMIT_INSTALL_BURST: '100000000',
      LIMIT_INSTALL_PER_MIN: '6000000000',
      LIMIT_ADDRESS_BURST: '100000000',
      LIMIT_ADDRESS_PER_MIN: '6000000000',
      DAILY_COMPLAINTS_PER_INSTALL: '100000000',
      DAILY_COMPLAINTS_PER_INSTALL_SHOP: '100000000',
      ...(place.databaseUrl ? { DATABASE_URL: place.databaseUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const read = (d: Buffer) => {
      out += d;
      const m = /Kala Be Fi listening on (http:\/\/[^\s"]+)/.exec(out);
      if (!m) return;
      // From here on the log is drained unread: keeping it would cost the client, not the server.
      child.stdout!.off('data', read);
      child.stdout!.resume();
      resolve(m[1]!);
    };
    child.stdout!.on('data', read);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { name, url, child, place, checkout };
}

async function stopServer(s: Server) {
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
  await s.place.drop?.();
  // A generated registry is kept for the next run; delete it with BENCH_FRESH or by hand.
  if (s.place.scratch) rmSync(s.place.dataDir, { recursive: true, force: true });
}

// ---- CPU time per request ----

// USER_HZ: 100 on every Linux architecture Node runs on.
const CLOCK_TICKS = 100;

/** A process's CPU time (user + system) so far, in seconds, from /proc (Linux); NaN without it. */
function cpuSeconds(pid: number): number {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name: utime, stime.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** The PostgreSQL cluster's postmaster and its children (the backends serving the servers). */
function clusterPids(): number[] {
  const pidFile = join(process.env.KBF_PG_DIR ?? '/tmp/kbf-pg', 'data/postmaster.pid');
  if (ENGINE !== 'postgres' || !existsSync(pidFile)) return [];
  const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/** CPU microseconds per request of the servers and of the database, over one autocannon run. */
type Cpu = { server: number; db: number };
/** CPU seconds so far of the servers, and of each of the cluster's processes by pid. */
const cpuNow = (servers: Server[]) => ({
  server: servers.reduce((a, s) => a + cpuSeconds(s.child.pid!), 0),
  db: new Map(clusterPids().map((p) => [p, cpuSeconds(p) || 0])),
});
/**
 * The CPU each spent between two samples, per request. A backend started in between counts from
 * zero; one that exited in between takes its time with it, so the database figure is a floor.
 */
function cpuPerRequest(
  before: ReturnType<typeof cpuNow>,
  after: ReturnType<typeof cpuNow>,
  requests: number,
): Cpu {
  let db = 0;
  for (const [pid, s] of after.db) db += s - (before.db.get(pid) ?? 0);
  const per = (d: number) => (d * 1e6) / Math.max(1, requests);
  return { server: per(after.server - before.server), db: per(db) };
}
/** What a fixed-rate workload gives instead of autocannon's options: see open-loop.ts. */
type OpenLoopOptions = { url: string; openLoop: { rate: number; next: (i: number) => OpenLoopRequest } };

async function measured(servers: Server[], opts: Record<string, unknown>): Promise<[BenchResult, Cpu]> {
  const fixed = (opts as Partial<OpenLoopOptions>).openLoop;
  // The JIT and the caches a first burst fills, at the same rate, left out of the figures (the
  // throughput workloads warm up in their options).
  if (fixed) await openLoop({ url: String(opts.url), seconds: 2, ...fixed });
  const before = cpuNow(servers);
  const r = fixed
    ? await openLoop({ url: String(opts.url), seconds: Number(opts.duration), ...fixed })
    : await autocannon(opts);
  return [r, cpuPerRequest(before, cpuNow(servers), r.requests.total)];
}

const cpuText = (server: number, db: number) =>
  `server CPU ${Math.round(server)} µs/request${ENGINE === 'postgres' ? `, database ${Math.round(db)} µs/request` : ''}`;

// ---- Reporting ----

const tenth = (x: number) => Math.round(x * 10) / 10;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function line(r: BenchResult) {
  const codes = Object.entries(r)
    .filter(([k]) => /^[1-5]xx$/.test(k))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return `${Math.round(r.requests.average).toLocaleString('en')} req/s (mean), p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors}, timeouts ${r.timeouts}; ${codes}`;
}

function summary(name: string, s: Server, servers: Server[], rs: BenchResult[], cpu: Cpu[]) {
  const where = servers.length > 1 ? ` [${s.name}]` : '';
  const us = cpuText(median(cpu.map((c) => c.server)), median(cpu.map((c) => c.db)));
  if (rs.length === 1) return console.log(`${name}${where}: ${line(rs[0]!)}; ${us}`);
  console.log(
    `${name}${where}: median of ${rs.length} rounds ${Math.round(median(rs.map((r) => r.requests.average))).toLocaleString('en')} req/s, p50 ${tenth(median(rs.map((r) => r.latency.p50)))} ms, p99 ${tenth(median(rs.map((r) => r.latency.p99)))} ms (worst ${Math.max(...rs.map((r) => r.latency.p99))} ms), ${us}, errors ${rs.reduce((n, r) => n + r.errors, 0)}`,
  );
}

/** This checkout against the other, round by round; at a fixed rate only p99 and CPU tell. */
function ratios(
  name: string,
  servers: Server[],
  results: Map<Server, BenchResult[]>,
  cpu: Map<Server, Cpu[]>,
) {
  const [a, b] = servers.map((s) => results.get(s)!);
  const [ca, cb] = servers.map((s) => cpu.get(s)!);
  const rate = a!.map((r, i) => r.requests.average / b![i]!.requests.average);
  const p99 = a!.map((r, i) => r.latency.p99 / b![i]!.latency.p99);
  const perRequest = ca!.map((x, i) => x.server / cb![i]!.server);
  console.log(
    `${name}: ${servers[0]!.name}/${servers[1]!.name} by round: req/s ${rate.map((x) => x.toFixed(2)).join(' ')} (median ${median(rate).toFixed(2)}); p99 median ${median(p99).toFixed(2)}; server CPU per request ${perRequest.map((x) => x.toFixed(2)).join(' ')} (median ${median(perRequest).toFixed(2)})`,
  );
}

// ---- Workloads ----

/**
 * One workload: what autocannon needs besides the URL and duration, per server; its share of
 * BENCH_SECONDS. Fixed-rate workloads give `openLoop` options instead (open-loop.ts). `measure` is how it
 * is run (`run` unless told), `engine` the one engine it means something on.
 */
type Workload = {
  name: string;
  options: (s: Server) => Promise<Record<string, unknown> | OpenLoopOptions>;
  share: number;
  measure?: (w: Workload, servers: Server[]) => Promise<unknown>;
  engine?: 'sqlite' | 'postgres';
};

/** Runs the workload ROUNDS times on each server in turn, prints each round, the figures and ratios. */
async function run(w: Workload, servers: Server[]): Promise<Map<Server, BenchResult[]>> {
  const opts = new Map<Server, Record<string, unknown> | OpenLoopOptions>();
  for (const s of servers) opts.set(s, await w.options(s));
  const seconds = Math.max(2, (DURATION * w.share) / ROUNDS);
  const results = new Map<Server, BenchResult[]>(servers.map((s) => [s, []]));
  const cpu = new Map<Server, Cpu[]>(servers.map((s) => [s, []]));
  for (let round = 0; round < ROUNDS; round++)
    for (const s of servers) {
      const [r, c] = await measured([s], { connections: CONNECTIONS, ...opts.get(s), duration: seconds });
      results.get(s)!.push(r);
      cpu.get(s)!.push(c);
      if (ROUNDS > 1 || servers.length > 1)
        console.log(`  ${w.name}, round ${round + 1}, ${s.name}: ${line(r)}; ${cpuText(c.server, c.db)}`);
    }
  for (const s of servers) summary(w.name, s, servers, results.get(s)!, cpu.get(s)!);
  if (servers.length === 2) ratios(w.name, servers, results, cpu);
  return results;
}

/** The GLNs the workloads ask for: spread over a generated registry, or the demo's first 2,000. */
function sampleGlns(rows: NationalRows | undefined) {
  // A multiplicative hash spreads the picks over the whole registry, so most miss the record cache.
  const sample = (i: number) => Math.floor((((i * 2_654_435_761) % 2 ** 32) / 2 ** 32) * REGISTRY);
  const known = Array.from({ length: 2000 }, (_, i) =>
    rows ? nationalGln(sample(i)) : withCheckDigit(`626${String(i + 1).padStart(9, '0')}`),
  );
  // Each GLN once, for the fixed-rate latency: nothing is in the record cache, every lookup
  // reaches the database. Without a generated registry the demo's GLNs repeat.
  const cold = Array.from({ length: 20_000 }, (_, i) =>
    rows ? nationalGln(sample(i + 5000)) : known[i % known.length]!,
  );
  // Centres of the nearby searches: the known shops' own positions, so each has shops around it.
  const centre = rows ? (i: number) => rows.location(sample(i)) : undefined;
  return { known, cold, centre };
}

function workloads(rows: NationalRows | undefined): Workload[] {
  let coldNext = 0;
  const { known, cold, centre } = sampleGlns(rows);

  // 60% known, 20% unknown (well-formed), 20% revalidations that answer 304.
  const lookupRequests = async (s: Server) => {
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
    // Warm the record cache, the JIT and the database's caches before measuring.
    await autocannon({ url: s.url, connections: CONNECTIONS, duration: 2, requests });
    return requests;
  };
  const lookups = async (s: Server) => ({ url: s.url, requests: await lookupRequests(s) });

  // Nearby is never cached by the service: every request reaches the spatial index.
  const nearbyRequests = async (s: Server) => {
    const centres: string[] = [];
    for (const [i, gln] of known.slice(0, 500).entries()) {
      if (centre) {
        const l = centre(i);
        centres.push(`${l.lat},${l.lng}`);
        continue;
      }
      const r = (await (await fetch(`${s.url}/api/v1/locations/${gln}`)).json()) as {
        geo?: { lat: number; lng: number };
      };
      if (r.geo) centres.push(`${r.geo.lat},${r.geo.lng}`);
    }
    return centres.map((c) => ({ method: 'GET', path: `/api/v1/locations?near=${c}&radius=300` }));
  };
  // At a fixed rate the latency depends on how many shops each answer carries: say so.
  // On a generated registry each search is around another shop (20,000 of them, as the cold
  // lookups), so neither the badges kept a minute nor the pages of an earlier search help: a
  // shopper's "near me" is rarely where the last one stood.
  // The counters go on from one rate to the next, so each rate meets shops of its own.
  let nearNext = 0;
  const nearbyAtRate =
    (rate: number) =>
    async (s: Server): Promise<OpenLoopOptions> => {
      const requests = await nearbyRequests(s);
      const found = (await (await fetch(`${s.url}${requests[0]!.path}`)).json()) as { items: unknown[] };
      console.log(`  nearby [${s.name}]: ${found.items.length} shops in the first circle`);
      const path = (i: number) => {
        if (!centre) return requests[i % requests.length]!.path;
        const l = centre(5000 + (i % 20_000));
        return `/api/v1/locations?near=${l.lat},${l.lng}&radius=300`;
      };
      return { url: s.url, openLoop: { rate, next: () => ({ path: path(nearNext++) }) } };
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

  return [
    {
      name: 'lookups (60% known, 20% unknown, 20% If-None-Match)',
      options: lookups,
      share: 1,
    },
    ...RATES.map((rate) => ({
      name: `lookups at ${rate} req/s, each GLN once (latency)`,
      options: async (s: Server): Promise<OpenLoopOptions> => ({
        url: s.url,
        openLoop: { rate, next: () => ({ path: `/api/v1/locations/${cold[coldNext++ % cold.length]}` }) },
      }),
      share: 1,
    })),
    {
      name: 'resolver redirects (/414/{gln})',
      options: async (s) => ({
        url: s.url,
        requests: known.slice(0, 500).map((g) => ({ method: 'GET', path: `/414/${g}` })),
      }),
      share: 0.5,
    },
    {
      name: 'nearby (300 m around a shop)',
      options: async (s) => ({ url: s.url, requests: await nearbyRequests(s) }),
      share: 0.5,
    },
    ...RATES.map((rate) => ({
      name: `nearby at ${rate} req/s (latency)`,
      options: nearbyAtRate(rate),
      share: 1,
    })),
    {
      name: 'two instances, lookups',
      options: lookups,
      share: 1,
      measure: twoInstances,
      // On SQLite each instance would have a database file of its own: nothing shared to measure.
      engine: 'postgres',
    },
    { name: 'complaint intake (POST requests.json)', options: intake, share: 0.5 },
  ];
}

/**
 * On PostgreSQL, a second instance of each checkout on the same database, both loaded at once,
 * against the one instance alone in the same round: what one more instance adds.
 */
async function twoInstances(w: Workload, servers: Server[]) {
  const half = Math.max(1, Math.round(CONNECTIONS / 2));
  const seconds = Math.max(2, (DURATION * w.share) / ROUNDS);
  for (const s of servers) {
    const second = await startServer(`${s.name}-2`, s.checkout, besidePlace(s.place));
    try {
      const requests = ((await w.options(s)) as Record<string, unknown>).requests;
      await autocannon({ url: second.url, connections: half, duration: 2, requests });
      const ratio: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const [one, oneCpu] = await measured([s], {
          url: s.url,
          connections: CONNECTIONS,
          duration: seconds,
          requests,
        });
        const before = cpuNow([s, second]);
        const [a, b] = await Promise.all(
          [s, second].map((x) => autocannon({ url: x.url, connections: half, duration: seconds, requests })),
        );
        const both = a!.requests.average + b!.requests.average;
        const cpu = cpuPerRequest(before, cpuNow([s, second]), a!.requests.total + b!.requests.total);
        ratio.push(both / one.requests.average);
        console.log(
          `  ${w.name} [${s.name}], round ${round + 1}: one ${Math.round(one.requests.average).toLocaleString('en')} req/s (${cpuText(oneCpu.server, oneCpu.db)}); ` +
            `two ${Math.round(both).toLocaleString('en')} req/s together, p99 ${Math.max(a!.latency.p99, b!.latency.p99)} ms, errors ${a!.errors + b!.errors} ` +
            `(${cpuText(cpu.server, cpu.db)})`,
        );
      }
      console.log(
        `${w.name} [${s.name}]: ratio to one instance ${ratio.map((x) => x.toFixed(2)).join(' ')} (median ${median(ratio).toFixed(2)})`,
      );
    } finally {
      await stopServer(second);
    }
  }
}

// ---- The run ----

const place = REGISTRY ? await registryPlace(REGISTRY) : await freshPlace();
if (REGISTRY) await warmFiles(place);
const vsPlace = VS ? await (REGISTRY ? copyPlace(place) : freshPlace()) : undefined;
const servers = [await startServer('this', process.cwd(), place)];
try {
  if (VS && vsPlace) servers.push(await startServer('vs', resolve(VS), vsPlace));
  console.log(
    `engine: ${ENGINE}, registry: ${REGISTRY ? `${REGISTRY.toLocaleString('en')} generated + demo` : 'demo'}` +
      `${VS ? `; this checkout against ${resolve(VS)}, ${ROUNDS} alternating rounds` : ''}`,
  );
  console.log(`before: ${load()}`);
  const rows = REGISTRY ? nationalRows(1402, REGISTRY) : undefined;
  for (const w of workloads(rows)) {
    if ((ONLY && !w.name.startsWith(ONLY)) || (w.engine && w.engine !== ENGINE)) continue;
    await (w.measure ?? run)(w, servers);
  }
  console.log(`after: ${load()}`);
} finally {
  for (const s of servers) await stopServer(s);
}
