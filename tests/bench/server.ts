import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error autocannon ships no type declarations; the few fields used are typed below.
import autocannonUntyped from 'autocannon';
import pg from 'pg';
import { generateNational } from '../../src/server/bulk/generate-national.ts';
import { nationalGln, nationalRows } from '../../src/server/bulk/national-rows.ts';
import { openBulkTarget } from '../../src/server/bulk/open-target.ts';
import { createProgress } from '../../src/server/bulk/progress.ts';
import { withCheckDigit } from '../../src/server/gln.ts';
import { createTestDatabase, PG_ADMIN_URL } from '../pg-database.ts';

// `npm run bench:server`: the real server in its own process (so the load generator does not
// share its event loop), then lookups, nearby searches and complaint intake under autocannon.
// BENCH_ENGINE=postgres runs it on PostgreSQL (the cluster that `scripts/pg-cluster.sh start`
// runs); SQLite otherwise. BENCH_REGISTRY=3000000 adds that many generated shops to the demo
// registry (npm run registry:generate) in a database kept for the next run (kbf_registry_N on the
// cluster, or $TMPDIR/kbf-registry-N), so a rerun only measures; BENCH_FRESH=1 starts it anew.
// Prints figures, the load average with them.

type BenchRequest = { method: string; path: string; headers?: Record<string, string> };
type BenchResult = {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  [status: string]: unknown;
};
const autocannon = autocannonUntyped as (opts: Record<string, unknown>) => Promise<BenchResult>;

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ENGINE = process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
const REGISTRY = Number(process.env.BENCH_REGISTRY ?? 0);
/** Latency is measured at a fixed rate well under saturation: at full load p99 is queueing time. */
const RATE = Number(process.env.BENCH_RATE ?? 200);
const load = () =>
  execFileSync('uptime', { encoding: 'utf8' })
    .trim()
    .replace(/^.*load average/, 'load average');

// The shipped limits stay on (every write passes the limiter, the quota table and the triage
// rule); only the ceilings one install would hit are raised, since autocannon files every
// complaint from a single install.
async function startServer(
  dataDir: string,
  databaseUrl: string | undefined,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
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
  return { url, child };
}

// CPU time the service (and on PostgreSQL the cluster's processes) spent per request: on a shared
// machine wall-clock latency is mostly waiting for a core, CPU time is what the work costs.
const TICK_MS = 10; // USER_HZ is 100 on Linux
function ticks(pid: number): number {
  try {
    // Fields after the command name: state, ppid, …, utime (14th of the line), stime (15th).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return 0;
  }
}
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
let serverPids: number[] = [];
const cpuNow = () => ({
  server: serverPids.reduce((a, p) => a + ticks(p), 0),
  db: clusterPids().reduce((a, p) => a + ticks(p), 0),
});
async function measured(opts: Record<string, unknown>): Promise<BenchResult & { cpu: string }> {
  const before = cpuNow();
  const r = await autocannon(opts);
  const after = cpuNow();
  const total = Number((r.requests as { total?: number }).total ?? 0) || 1;
  const per = (d: number) => ((d * TICK_MS) / total).toFixed(2);
  const db = ENGINE === 'postgres' ? `, database ${per(after.db - before.db)} ms` : '';
  return Object.assign(r, { cpu: `CPU per request: service ${per(after.server - before.server)} ms${db}` });
}

function report(name: string, r: BenchResult & { cpu?: string }) {
  const codes = Object.entries(r)
    .filter(([k]) => /^[1-5]xx$/.test(k))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  console.log(
    `${name}: ${Math.round(r.requests.average).toLocaleString('en')} req/s (mean), p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors}, timeouts ${r.timeouts}; ${codes}${r.cpu ? `; ${r.cpu}` : ''}`,
  );
}

/** The registry of BENCH_REGISTRY generated shops, made or completed here and kept. */
async function registryPlace(size: number): Promise<{ dataDir: string; databaseUrl?: string }> {
  const name = `kbf_registry_${size}`;
  const dataDir = join(tmpdir(), `kbf-registry-${size}`);
  let databaseUrl: string | undefined;
  if (ENGINE === 'postgres') {
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    if (process.env.BENCH_FRESH) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    databaseUrl = PG_ADMIN_URL.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  } else if (process.env.BENCH_FRESH) rmSync(dataDir, { recursive: true, force: true });
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
  return { dataDir, databaseUrl };
}

const place = REGISTRY
  ? await registryPlace(REGISTRY)
  : { dataDir: mkdtempSync(join(tmpdir(), 'kbf-bench-')), databaseUrl: undefined };
const database = ENGINE === 'postgres' && !REGISTRY ? await createTestDatabase() : undefined;
const databaseUrl = place.databaseUrl ?? database?.url;
// Instances share the database; each has a data directory of its own for its products file.
const { url, child } = await startServer(place.dataDir, databaseUrl);
const children = [child];
const scratch: string[] = REGISTRY ? [] : [place.dataDir];
serverPids = [child.pid!];
console.log(
  `engine: ${ENGINE}, registry: ${REGISTRY ? `${REGISTRY.toLocaleString('en')} generated + demo` : 'demo'}`,
);
console.log(`before: ${load()}`);
try {
  // Lookups spread over the whole registry (most miss the record cache), or the demo's first 2,000.
  const rows = REGISTRY ? nationalRows(1402, REGISTRY) : undefined;
  const sample = (i: number) => Math.floor((((i * 2_654_435_761) % 2 ** 32) / 2 ** 32) * REGISTRY);
  const known = Array.from({ length: 2000 }, (_, i) =>
    rows ? nationalGln(sample(i)) : withCheckDigit(`626${String(i + 1).padStart(9, '0')}`),
  );
  const etags = new Map<string, string>();
  for (const gln of known.slice(0, 200)) {
    const res = await fetch(`${url}/api/v1/locations/${gln}`);
    await res.arrayBuffer();
    const tag = res.headers.get('etag');
    if (tag) etags.set(gln, tag);
  }
  // 60% known, 20% unknown (well-formed), 20% revalidations that answer 304.
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
  // Warm the JIT and the database's caches before measuring.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, requests });
  const lookups = await measured({ url, connections: CONNECTIONS, duration: DURATION, requests });
  report('lookups (60% known, 20% unknown, 20% If-None-Match)', lookups);
  // Each GLN once: nothing is in the record cache, every lookup reaches the database.
  const cold = Array.from({ length: 20_000 }, (_, i) => ({
    method: 'GET',
    path: `/api/v1/locations/${rows ? nationalGln(sample(i + 5000)) : known[i % known.length]}`,
  }));
  report(
    `lookups at ${RATE} req/s, each GLN once (latency)`,
    await measured({ url, connections: 10, duration: DURATION, overallRate: RATE, requests: cold }),
  );

  const resolver = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: Math.max(3, DURATION / 2),
    requests: known.slice(0, 500).map((g) => ({ method: 'GET', path: `/414/${g}` })),
  });
  report('resolver redirects (/414/{gln})', resolver);

  // Nearby is never cached by the service: every request reaches the spatial index. Centres are
  // the known shops' own positions, so each search has shops around it.
  const centres: string[] = [];
  for (const [i, gln] of known.slice(0, 500).entries()) {
    if (rows) {
      const l = rows.location(sample(i));
      centres.push(`${l.lat},${l.lng}`);
      continue;
    }
    const r = (await (await fetch(`${url}/api/v1/locations/${gln}`)).json()) as {
      geo?: { lat: number; lng: number };
    };
    if (r.geo) centres.push(`${r.geo.lat},${r.geo.lng}`);
  }
  const nearbyRequests = centres.map((c) => ({
    method: 'GET',
    path: `/api/v1/locations?near=${c}&radius=300`,
  }));
  const nearby = await measured({
    url,
    connections: CONNECTIONS,
    duration: Math.max(3, DURATION / 2),
    requests: nearbyRequests,
  });
  report('nearby (300 m around a shop)', nearby);
  const found = (await (await fetch(`${url}${nearbyRequests[0]!.path}`)).json()) as { items: unknown[] };
  report(
    `nearby at ${RATE} req/s (latency; ${found.items.length} shops in the first circle)`,
    await measured({
      url,
      connections: 10,
      duration: DURATION,
      overallRate: RATE,
      requests: nearbyRequests,
    }),
  );

  if (ENGINE === 'postgres') {
    // A second instance on the same database: both loaded at once, against one alone above.
    const secondDir = mkdtempSync(join(tmpdir(), 'kbf-bench-'));
    scratch.push(secondDir);
    const second = await startServer(secondDir, databaseUrl);
    children.push(second.child);
    const half = Math.max(1, Math.round(CONNECTIONS / 2));
    await autocannon({ url: second.url, connections: half, duration: 2, requests });
    const [a, b] = await Promise.all(
      [url, second.url].map((u) => autocannon({ url: u, connections: half, duration: DURATION, requests })),
    );
    const both = a!.requests.average + b!.requests.average;
    console.log(
      `two instances, lookups: ${Math.round(both).toLocaleString('en')} req/s together (p99 ${Math.max(a!.latency.p99, b!.latency.p99)} ms); ` +
        `ratio to one instance ${(both / lookups.requests.average).toFixed(2)}`,
    );
  }

  // A Buffer, so Content-Length counts bytes of the Persian text, not characters.
  const body = Buffer.from(
    JSON.stringify({
      service_code: 'overpricing',
      address_id: known[0],
      attribute: { price_paid: 150000 },
      description: 'محک',
    }),
  );
  const install = (await (await fetch(`${url}/api/v1/installs`, { method: 'POST' })).json()) as {
    install_token: string;
  };
  const intake = await autocannon({
    url: `${url}/open311/v2/requests.json`,
    connections: 10,
    duration: Math.max(3, DURATION / 2),
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-install-token': install.install_token },
    body,
  });
  report('complaint intake (POST requests.json)', intake);
  console.log(`after: ${load()}`);
} finally {
  for (const c of children) {
    const exited = new Promise((resolve) => c.once('exit', resolve));
    c.kill('SIGTERM');
    await exited;
  }
  await database?.drop();
  // A generated registry is kept for the next run; delete it with BENCH_FRESH or by hand.
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
}
