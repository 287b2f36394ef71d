import type { JobState, RegistryBatch } from './columns.ts';

// Where bulk rows go, on either engine. `appendBatch` stores the rows and the job's new state in
// one transaction, so a run killed at any moment leaves whole batches and a state that counts
// exactly them. `replaceAll` stores a whole file's rows in one transaction (all or nothing).

export type BulkTarget = {
  engine: 'sqlite' | 'postgres';
  readJob(key: string): Promise<JobState | undefined>;
  appendBatch(key: string, batch: RegistryBatch, state: JobState): Promise<void>;
  /** Upserts every batch (by GLN, and licence id) in one transaction; nothing stays if one fails. */
  importAll(batches: AsyncIterable<RegistryBatch>): Promise<number>;
  guildCodes(): Promise<Set<string>>;
  /** Fresh planner statistics after a large load (and, on PostgreSQL, the table vacuumed). */
  analyze(): Promise<void>;
  /** Bytes the database takes on disk. */
  sizeBytes(): Promise<number>;
  close(): Promise<void>;
};
