import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { loadServerKey } from './secrets/server-key.ts';
import { isPostgresUrl } from './store/pg.ts';

// `npm run start:cluster`: N copies of the service (WORKERS, default one per core) sharing one
// listening port through Node's cluster module, all on the PostgreSQL database in DATABASE_URL.
// They keep nothing of their own that matters (see README, "Running on PostgreSQL"), so any
// worker may answer any request; one that dies is replaced.

if (cluster.isPrimary) {
  if (!isPostgresUrl(process.env.DATABASE_URL)) {
    console.error('start:cluster needs DATABASE_URL=postgres://…: SQLite is one process on one file.');
    process.exit(1);
  }
  // Drawn (or read) once, before any worker starts: workers each drawing their own key at once
  // would not accept each other's install tokens.
  loadServerKey(resolve(process.env.DATA_DIR ?? './data'), process.env);
  const workers = Number(process.env.WORKERS) > 0 ? Number(process.env.WORKERS) : availableParallelism();
  // Only the first worker prints the demo GLNs and credentials; the rest only their readiness.
  cluster.setupPrimary({ silent: false });
  for (let i = 0; i < workers; i++) cluster.fork({ KBF_QUIET: i === 0 ? '' : '1' });
  let stopping = false;
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
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
