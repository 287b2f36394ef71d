import { join } from 'node:path';
import { memoryBuckets, type RateBucketsFactory } from '../abuse/rate-buckets.ts';
import { fileMedia, type MediaStore } from './media.ts';
import { isPostgresUrl, openPostgresStore } from './pg.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

// Which engine: PostgreSQL when DATABASE_URL names one (records and photos in it), otherwise the
// SQLite file in DATA_DIR with photos in DATA_DIR/media.

export type StoreChoice = { dataDir: string; databaseUrl?: string };

export type Storage = {
  store: Store;
  media: MediaStore;
  /** Short-window write limits: in the database when instances share one, else in memory. */
  rateBuckets: RateBucketsFactory;
  /** Housekeeping to run now and then (forgetting spent rate buckets); nothing on SQLite. */
  prune(): Promise<void>;
};

export async function openStorage(choice: StoreChoice): Promise<Storage> {
  if (choice.databaseUrl && !isPostgresUrl(choice.databaseUrl))
    throw new Error('DATABASE_URL must start with postgres:// or postgresql:// (leave it unset for SQLite)');
  if (isPostgresUrl(choice.databaseUrl)) return openPostgresStore(choice.databaseUrl);
  return {
    store: openSqliteStore(choice.dataDir),
    media: fileMedia(join(choice.dataDir, 'media')),
    rateBuckets: memoryBuckets,
    prune: async () => {},
  };
}
