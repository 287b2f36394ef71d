import type { Rate } from '../abuse/lru-buckets.ts';
import { secondsToToken } from '../abuse/lru-buckets.ts';
import { bucketKey, type RateBucketsFactory } from '../abuse/rate-buckets.ts';
import type { Query } from './pg.ts';

// The short-window token buckets on PostgreSQL, shared by every instance. One statement per take:
// an upsert that refills the bucket for the time elapsed, takes a token if there is one and says
// whether it did, under the row's lock, so two instances taking from one bucket at once take
// turns and never both spend its last token. Time is the database's clock, the one clock all
// instances share. The table is UNLOGGED (migrations.ts): no WAL, not shipped to replicas, and
// emptied after a crash, which forgives at most a few minutes of bursts; the daily quotas, which
// matter for longer, are ordinary tables.

/** How often each bucket kind forgets buckets that are full again (and so the same as none). */
export const PRUNE_EVERY_MS = 60_000;

export function pgRateBuckets(q: Query): { factory: RateBucketsFactory; prune(): Promise<void> } {
  const kinds = new Map<string, Rate>();
  const factory: RateBucketsFactory = (name, rate) => {
    kinds.set(name, rate);
    // The refilled level before this take, written once and used three times below.
    const level = `LEAST($3::float8, b.tokens + GREATEST(0, EXCLUDED.at - b.at) * $4::float8)`;
    const take = {
      name: `rate-take`,
      text: `INSERT INTO rate_buckets AS b (name, key, tokens, at, ok)
             VALUES ($1, $2, GREATEST($3::float8 - 1, 0), extract(epoch FROM clock_timestamp()), $3::float8 >= 1)
             ON CONFLICT (name, key) DO UPDATE SET
               tokens = CASE WHEN ${level} >= 1 THEN ${level} - 1 ELSE ${level} END,
               ok = ${level} >= 1,
               at = GREATEST(EXCLUDED.at, b.at)
             RETURNING ok, tokens`,
    };
    return {
      async take(key) {
        const [row] = await q<{ ok: boolean; tokens: number }>({
          ...take,
          values: [name, bucketKey(key), rate.burst, rate.perSecond],
        });
        return row!.ok ? 0 : secondsToToken(row!.tokens, rate);
      },
    };
  };
  return {
    factory,
    async prune() {
      // A bucket untouched for burst / rate seconds has refilled completely: forgetting it
      // changes nothing, and keeps the table as small as the set of recent writers.
      for (const [name, rate] of kinds)
        await q(
          `DELETE FROM rate_buckets WHERE name = $1 AND at < extract(epoch FROM clock_timestamp()) - $2::float8`,
          [name, rate.burst / rate.perSecond],
        );
    },
  };
}
