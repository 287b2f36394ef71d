import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error autocannon ships no type declarations; the few fields used are typed below.
import autocannonUntyped from 'autocannon';
import { withCheckDigit } from '../../src/server/gln.ts';
import { createTestDatabase } from '../pg-database.ts';

// `npm run bench:server`: the real server in its own process (so the load generator does not
// share its event loop), then lookups, nearby searches and complaint intake under autocannon.
// BENCH_ENGINE=postgres runs it on PostgreSQL (a fresh database on the cluster that
// `scripts/pg-cluster.sh start` runs); SQLite otherwise. Prints figures.

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

function report(name: string, r: BenchResult) {
  const codes = Object.entries(r)
    .filter(([k]) => /^[1-5]xx$/.test(k))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  console.log(
    `${name}: ${Math.round(r.requests.average).toLocaleString('en')} req/s (mean), p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors}, timeouts ${r.timeouts}; ${codes}`,
  );
}

const dataDir = mkdtempSync(join(tmpdir(), 'kbf-bench-'));
const database = ENGINE === 'postgres' ? await createTestDatabase() : undefined;
const { url, child } = await startServer(dataDir, database?.url);
console.log(`engine: ${ENGINE}`);
try {
  const known = Array.from({ length: 2000 }, (_, i) =>
    withCheckDigit(`626${String(i + 1).padStart(9, '0')}`),
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
  // Warm the record cache and the JIT before measuring.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, requests });
  const lookups = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, requests });
  report('lookups (60% known, 20% unknown, 20% If-None-Match)', lookups);

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
  for (const gln of known.slice(0, 100)) {
    const r = (await (await fetch(`${url}/api/v1/locations/${gln}`)).json()) as {
      geo?: { lat: number; lng: number };
    };
    if (r.geo) centres.push(`${r.geo.lat},${r.geo.lng}`);
  }
  const nearby = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: Math.max(3, DURATION / 2),
    requests: centres.map((c) => ({ method: 'GET', path: `/api/v1/locations?near=${c}&radius=300` })),
  });
  report('nearby (300 m around a shop)', nearby);

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
} finally {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
