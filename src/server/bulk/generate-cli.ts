import { resolve } from 'node:path';
import { intFlag, parseArgs } from './cli-args.ts';
import { generateNational } from './generate-national.ts';
import { openBulkTarget } from './open-target.ts';
import { createProgress } from './progress.ts';

// npm run registry:generate -- --count 3000000 [--seed 1402] [--batch 20000]
// Into DATABASE_URL (PostgreSQL) or the SQLite file in DATA_DIR (default ./data). Rerun the same
// command after an interruption: it continues where it stopped.

const { flags } = parseArgs(process.argv.slice(2));
try {
  const count = intFlag(flags, 'count', 3_000_000);
  const seed = intFlag(flags, 'seed', 1402);
  const batch = intFlag(flags, 'batch', 20_000);
  const target = await openBulkTarget({
    dataDir: resolve(process.env.DATA_DIR ?? './data'),
    databaseUrl: process.env.DATABASE_URL || undefined,
  });
  try {
    const result = await generateNational(target, {
      seed,
      count,
      batch,
      progress: (startAt) => {
        if (startAt > 0) console.log(`resuming at row ${startAt.toLocaleString('en')}`);
        return createProgress(`registry (${target.engine})`, count, startAt);
      },
    });
    const size = await target.sizeBytes();
    console.log(
      `registry: ${result.state.done.toLocaleString('en')} generated locations on ${target.engine}, ` +
        `import time ${result.state.seconds.toFixed(1)} s (all runs), database ${(size / 2 ** 20).toFixed(0)} MiB`,
    );
  } finally {
    await target.close();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
