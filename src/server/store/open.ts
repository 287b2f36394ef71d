import { join } from 'node:path';
import { memoryBuckets, type RateBucketsFactory } from '../abuse/rate-buckets.ts';
import type { LookupStore } from './lookup-types.ts';
import { fileMedia, type MediaStore } from './media.ts';
import { isPostgresUrl, openPostgresStore } from './pg.ts';
import { openPostgresReplicas } from './pg-replicas.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

// Which engine: PostgreSQL when DATABASE_URL names one (records and photos in it), otherwise the
// SQLite file in DATA_DIR with photos in DATA_DIR/media.

export type StoreChoice = {
  dataDir: string;
  databaseUrl?: string;
  /** DATABASE_REPLICA_URL, split: streaming replicas of DATABASE_URL for public lookups. */
  replicaUrls?: string[];
};

export type Storage = {
  store: Store;
  media: MediaStore;
  /** Short-window write limits: in the database when instances share one, else in memory. */
  rateBuckets: RateBucketsFactory;
  /** Housekeeping to run now and then (forgetting spent rate buckets); nothing on SQLite. */
  prune(): Promise<void>;
  /** Where public lookups read: the replicas when there are any, else `store` itself. */
  lookups: LookupStore;
  /** Closes the lookups' own connections (the replicas'); `store.close()` closes the primary. */
  closeLookups(): Promise<void>;
};

export async function openStorage(choice: StoreChoice): Promise<Storage> {
  if (choice.databaseUrl && !isPostgresUrl(choice.databaseUrl))
    throw new Error('DATABASE_URL must start with postgres:// or postgresql:// (leave it unset for SQLite)');
  const replicas = choice.replicaUrls ?? [];
  if (replicas.length && !isPostgresUrl(choice.databaseUrl))
    throw new Error('DATABASE_REPLICA_URL needs DATABASE_URL=postgres://… (the primary it replicates)');
  if (replicas.some((u) => !isPostgresUrl(u)))
    throw new Error('DATABASE_REPLICA_URL: each URL must start with postgres:// or postgresql://');
  if (isPostgresUrl(choice.databaseUrl)) {
    const primary = await openPostgresStore(choice.databaseUrl);
    if (!replicas.length) return primary;
    const { lookups, close } = openPostgresReplicas(replicas, primary.store);
    return { ...primary, lookups, closeLookups: close };
  }
  const store = openSqliteStore(choice.dataDir);
  return {
    store,
    lookups: store,
    closeLookups: async () => {},
    media: fileMedia(join(choice.dataDir, 'media')),
    rateBuckets: memoryBuckets,
    prune: async () => {},
  };
}
