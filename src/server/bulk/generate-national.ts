import type { JobState, RegistryBatch } from './columns.ts';
import { nationalRows } from './national-rows.ts';
import type { Progress } from './progress.ts';
import type { BulkTarget } from './target.ts';

// `npm run registry:generate`: a national-size registry written batch by batch. Never more than
// one batch in memory; each batch commits with the job's state, so a rerun after a kill starts at
// the first row not stored.

export const NATIONAL_JOB = 'national-registry';

export type GenerateOptions = {
  seed: number;
  count: number;
  batch: number;
  progress?: (startAt: number) => Progress;
};
export type GenerateResult = { resumedAt: number; state: JobState; wrote: number };

export class JobMismatchError extends Error {}

export async function generateNational(target: BulkTarget, opts: GenerateOptions): Promise<GenerateResult> {
  const before = await target.readJob(NATIONAL_JOB);
  // Rows depend on the seed and the size (cities' discs grow with it): another run's rows cannot
  // be continued with other parameters.
  if (before && (before.seed !== opts.seed || before.count !== opts.count))
    throw new JobMismatchError(
      `this database holds a generated registry of ${before.count} rows (seed ${before.seed}, ${before.done} written); ` +
        `rerun with --count ${before.count} --seed ${before.seed}, or use a fresh database`,
    );
  const rows = nationalRows(opts.seed, opts.count);
  let state: JobState = before ?? { seed: opts.seed, count: opts.count, done: 0, seconds: 0 };
  const resumedAt = state.done;
  const progress = opts.progress?.(resumedAt);
  // Import time counts every run's wall time up to its last commit, the final ANALYZE included.
  const runStart = performance.now();
  const base = state.seconds;
  const elapsed = () => base + (performance.now() - runStart) / 1000;
  while (state.done < opts.count) {
    const end = Math.min(opts.count, state.done + opts.batch);
    const batch: RegistryBatch = { locations: [], licences: [] };
    for (let i = state.done; i < end; i++) {
      const licence = rows.licence(i);
      if (licence) batch.licences.push(licence);
      batch.locations.push(rows.location(i));
    }
    const next = { ...state, done: end, seconds: elapsed() };
    await target.appendBatch(NATIONAL_JOB, batch, next);
    state = next;
    progress?.update(state.done);
  }
  const wrote = state.done - resumedAt;
  if (wrote > 0) {
    await target.analyze();
    state = { ...state, seconds: elapsed() };
    await target.appendBatch(NATIONAL_JOB, { locations: [], licences: [] }, state);
  }
  progress?.end(state.done);
  return { resumedAt, state, wrote };
}
