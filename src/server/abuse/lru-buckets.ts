import { LruMap } from '../lru-map.ts';

// Token buckets in a bounded map that forgets the least recently used key when full. A flood of
// fresh keys therefore forgets only the quietest keys, never the clients being limited right now.

export type Rate = { burst: number; perSecond: number };

/** Seconds until a bucket holding `tokens` has one again (at least 1, for Retry-After). */
export const secondsToToken = (tokens: number, rate: Rate) =>
  Math.max(1, Math.ceil((1 - tokens) / rate.perSecond));

export function createLruBuckets(rate: Rate, maxKeys: number, now: () => number = Date.now) {
  const buckets = new LruMap<string, { tokens: number; at: number }>(maxKeys);
  return {
    /** Takes one token; returns 0 when allowed, or the seconds to wait. */
    take(key: string): number {
      const t = now();
      const b = buckets.get(key) ?? { tokens: rate.burst, at: t };
      b.tokens = Math.min(rate.burst, b.tokens + ((t - b.at) / 1000) * rate.perSecond);
      b.at = t;
      buckets.set(key, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return secondsToToken(b.tokens, rate);
    },
    get size() {
      return buckets.size;
    },
  };
}
