import { type CheckResult, checkRegistryCsv, registryBatches } from './registry-csv.ts';
import type { BulkTarget } from './target.ts';

// `npm run registry:import -- file.csv`: check the whole file, then write it in one transaction,
// or write nothing and say why, row by row.

export type ImportResult = { ok: true; rows: number; seconds: number } | { ok: false; check: CheckResult };

export async function importRegistryCsv(target: BulkTarget, path: string): Promise<ImportResult> {
  const started = performance.now();
  const guilds = await target.guildCodes();
  const check = await checkRegistryCsv(path, guilds);
  if (check.problems.length > 0) return { ok: false, check };
  const rows = await target.importAll(registryBatches(path, guilds));
  if (rows > 0) await target.analyze();
  return { ok: true, rows, seconds: (performance.now() - started) / 1000 };
}
