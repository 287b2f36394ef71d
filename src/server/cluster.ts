import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { serveClusterMetrics } from './cluster-metrics.ts';
import { processLog } from './log.ts';
import { loadMetricsToken } from './secrets/metrics-token.ts';
import { loadServerKey } from './secrets/server-key.ts';
import { isPostgresUrl } from './store/pg.ts';

// `npm run start:cluster`: N copies of the service (WORKERS, default one per core) sharing one
// listening port through Node's cluster module, all on the PostgreSQL database in DATABASE_URL.
// They keep nothing of their own that matters (see README, "Running on PostgreSQL"), so any
// worker may answer any request; one that dies is replaced.

const log = processLog();

if (cluster.isPrimary) {
  if (!isPostgresUrl(process.env.DATABASE_URL)) {
    log.error('start:cluster needs DATABASE_URL=postgres://…: SQLite is one process on one file.');
    process.exit(1);
  }
  // Drawn (or read) once, before any worker starts: workers each drawing their own key at once
  // would not accept each other's install tokens.
  loadServerKey(resolve(process.env.DATA_DIR ?? './data'), process.env);
  loadMetricsToken(resolve(process.env.DATA_DIR ?? './data'), process.env);
  // A scrape reaches one worker; the primary sums every worker's counts for it.
  serveClusterMetrics();
  const workers = Number(process.env.WORKERS) > 0 ? Number(process.env.WORKERS) : availableParallelism();
  // Only the first worker prints the demo GLNs and credentials; the rest only their readiness.
  cluster.setupPrimary({ silent: false });
  for (let i = 0; i < workers; i++) cluster.fork({ KBF_QUIET: i === 0 ? '' : '1' });
  let stopping = false;
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    log.error('worker exited; starting another', { pid: worker.process.pid, exit: signal ?? code });
    cluster.fork({ KBF_QUIET: '1' });
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} else {
  await import('./main.ts');
}
