import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, logFormatOf } from '../../src/server/log.ts';
import { createServer } from '../../src/server/server.ts';

// The service for bench:ops, in a process of its own: the log format from LOG_FORMAT, the URL
// sent to the parent over IPC (the log may be off, so it cannot be read from stdout), and its CPU
// time whenever the parent asks.
const dataDir = mkdtempSync(join(tmpdir(), 'kbf-bench-'));
const server = await createServer({
  dataDir,
  port: 0,
  databaseUrl: process.env.DATABASE_URL || undefined,
  log: createLogger(logFormatOf(process.env.LOG_FORMAT)),
});
process.send!(server.url);
// CPU time spent so far, asked for before and after a run: per request, it is the cost the
// other load on a shared machine does not blur.
process.on('message', () => {
  const u = process.cpuUsage();
  process.send!(u.user + u.system);
});
