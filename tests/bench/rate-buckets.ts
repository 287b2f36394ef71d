import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryBuckets, type RateBuckets } from '../../src/server/abuse/rate-buckets.ts';
import { openStorage } from '../../src/server/store/open.ts';
import { createTestDatabase } from '../pg-database.ts';

// `npm run bench:limits`: what a write pays for the short-window limits. In memory (SQLite, one
// process) against the shared buckets in PostgreSQL (one upsert per take), on the cluster that
// `scripts/pg-cluster.sh start` runs. A write takes two tokens (install, then address). Prints
// per-take latency one at a time, and takes per second with 50 in flight, on one hot key (a
// whole NAT behind one address) and on many keys (installs).

const N = Number(process.env.BENCH_TAKES ?? 5000);
const OPEN = { burst: 1e12, perSecond: 1e12 };

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function measure(label: string, buckets: RateBuckets) {
  const key = (i: number, hot: boolean) => (hot ? 'nat-address' : `install-${i}`);
  for (const hot of [true, false]) {
    for (let i = 0; i < 200; i++) await buckets.take(key(i, hot)); // warm the pool and the plan
    const lat: number[] = [];
    for (let i = 0; i < N; i++) {
      const t = performance.now();
      await buckets.take(key(i, hot));
      lat.push(performance.now() - t);
    }
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < N) await buckets.take(key(next++, hot));
      }),
    );
    const perSecond = N / ((performance.now() - t0) / 1000);
    console.log(
      `${label.padEnd(10)} ${(hot ? 'one key' : 'many keys').padEnd(10)} p50 ${pct(lat, 50).toFixed(3)} ms  p99 ${pct(lat, 99).toFixed(3)} ms  ${Math.round(perSecond)} takes/s (50 in flight)`,
    );
  }
}

await measure('memory', memoryBuckets('install', OPEN, 100_000));
const database = await createTestDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'kbf-bench-'));
const storage = await openStorage({ dataDir, databaseUrl: database.url });
try {
  await measure('postgres', storage.rateBuckets('install', OPEN, 100_000));
} finally {
  await storage.store.close();
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
