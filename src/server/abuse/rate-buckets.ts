import { createHash } from 'node:crypto';
import { createLruBuckets, type Rate } from './lru-buckets.ts';

// Where the short-window write limits keep their token buckets. One process on SQLite keeps them
// in memory (lru-buckets.ts); instances sharing PostgreSQL keep them in the database
// (store/pg-rate-buckets.ts), so a burst spread over N instances is not allowed N times. Both
// are the same token bucket, so the limits in the README mean the same on either engine.

/** The three short-window limits (README "Limits"). */
export type BucketName = 'install' | 'address' | 'anonymous';

export type RateBuckets = {
  /** Takes one token from `key`'s bucket; 0 when allowed, else the whole seconds to wait. */
  take(key: string): Promise<number>;
};

export type RateBucketsFactory = (name: BucketName, rate: Rate, maxKeys: number) => RateBuckets;

export const memoryBuckets: RateBucketsFactory = (_name, rate, maxKeys) => {
  const buckets = createLruBuckets(rate, maxKeys);
  return { take: async (key) => buckets.take(key) };
};

/** Keys leave the process only hashed: an install id or an address is nobody's business in a table. */
export const bucketKey = (key: string) =>
  createHash('sha256').update(`bucket:${key}`).digest('base64url').slice(0, 22);
