import { resolve } from 'node:path';
import { parseArgs } from './cli-args.ts';
import { importRegistryCsv } from './import-registry.ts';
import { openBulkTarget } from './open-target.ts';
import { describeProblem, type Lang, say } from './words.ts';

// npm run registry:import -- registry.csv [--lang en]
// Into DATABASE_URL (PostgreSQL) or the SQLite file in DATA_DIR (default ./data). Exit status 0
// when imported, 2 when the file was refused (problems on stderr), 1 on any other failure.

const { flags, rest } = parseArgs(process.argv.slice(2));
const lang: Lang =
  (flags.get('lang') ?? (/^en/.test(process.env.LANG ?? '') ? 'en' : 'fa')) === 'en' ? 'en' : 'fa';
const file = rest[0];
if (!file) {
  console.error('usage: npm run registry:import -- <file.csv> [--lang fa|en]');
  process.exit(1);
}
try {
  const target = await openBulkTarget({
    dataDir: resolve(process.env.DATA_DIR ?? './data'),
    databaseUrl: process.env.DATABASE_URL || undefined,
  });
  try {
    const result = await importRegistryCsv(target, resolve(file));
    if (result.ok) {
      console.log(say(lang, 'imported', { rows: result.rows, seconds: result.seconds.toFixed(1) }));
    } else {
      for (const p of result.check.problems) console.error(describeProblem(lang, p));
      if (result.check.more) console.error(say(lang, 'more', { count: result.check.more }));
      console.error(
        say(lang, 'refused', {
          count: result.check.problems.length + result.check.more,
          rows: result.check.rows,
        }),
      );
      process.exitCode = 2;
    }
  } finally {
    await target.close();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
