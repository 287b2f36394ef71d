import cluster from 'node:cluster';
import { type Metrics, type MetricsSnapshot, sumSnapshots } from './metrics.ts';

// start:cluster's workers share one port, so a scrape reaches any one of them; its answer must
// count them all. The worker scraped asks the primary, which asks every worker for its counts and
// hands back the sum. A worker that died took its counts with it (Prometheus sees a counter
// reset, which rate() handles). Outside a cluster a process answers its own counts.

type Message =
  | { kbf: 'metrics?'; id: number }
  | { kbf: 'metrics-collect'; id: number }
  | { kbf: 'metrics-part'; id: number; snapshot: MetricsSnapshot }
  | { kbf: 'metrics!'; id: number; snapshot: MetricsSnapshot };
const isOurs = (m: unknown): m is Message =>
  typeof m === 'object' && m !== null && String((m as { kbf?: unknown }).kbf).startsWith('metrics');

const WAIT_MS = 1000;

/** In a worker: answers the primary's collections, and returns how to read the whole cluster's counts. */
export function clusterSnapshot(metrics: Metrics): () => Promise<MetricsSnapshot> {
  if (!cluster.isWorker || !process.send) return async () => metrics.snapshot();
  let next = 0;
  const waiting = new Map<number, (s: MetricsSnapshot) => void>();
  process.on('message', (m: unknown) => {
    if (!isOurs(m)) return;
    if (m.kbf === 'metrics-collect')
      process.send!({ kbf: 'metrics-part', id: m.id, snapshot: metrics.snapshot() });
    if (m.kbf === 'metrics!') waiting.get(m.id)?.(m.snapshot);
  });
  return () =>
    new Promise((resolve) => {
      const id = next++;
      // The primary not answering (shutting down): this worker's own counts beat no answer.
      const timer = setTimeout(() => done(metrics.snapshot()), WAIT_MS * 2);
      const done = (s: MetricsSnapshot) => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve(s);
      };
      waiting.set(id, done);
      process.send!({ kbf: 'metrics?', id } satisfies Message);
    });
}

/** In the primary: sums every worker's counts for the worker that was scraped. */
export function serveClusterMetrics(): void {
  let next = 0;
  const collecting = new Map<number, { parts: MetricsSnapshot[]; expected: number; finish(): void }>();
  cluster.on('message', (worker, m: unknown) => {
    if (!isOurs(m)) return;
    if (m.kbf === 'metrics?') {
      const workers = Object.values(cluster.workers ?? {}).filter((w) => w?.isConnected());
      const id = next++;
      const parts: MetricsSnapshot[] = [];
      const finish = () => {
        clearTimeout(timer);
        collecting.delete(id);
        if (worker.isConnected()) worker.send({ kbf: 'metrics!', id: m.id, snapshot: sumSnapshots(parts) });
      };
      const timer = setTimeout(finish, WAIT_MS);
      collecting.set(id, { parts, expected: workers.length, finish });
      for (const w of workers) w!.send({ kbf: 'metrics-collect', id });
    }
    if (m.kbf === 'metrics-part') {
      const c = collecting.get(m.id);
      if (!c) return;
      c.parts.push(m.snapshot);
      if (c.parts.length === c.expected) c.finish();
    }
  });
}
