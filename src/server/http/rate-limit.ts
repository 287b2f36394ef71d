import type { MiddlewareHandler } from 'hono';
import { fail, MESSAGES } from './errors.ts';

// Writes are limited per client with an in-memory token bucket: a burst for a real person
// filing with photos, a steady refill, and a cap on what one client can flood.

export type RateLimitConfig = { burst: number; perSecond: number };

export function createTokenBucket(cfg: RateLimitConfig, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** Takes one token; returns 0 when allowed, or the seconds to wait. */
    take(key: string): number {
      const t = now();
      const b = buckets.get(key) ?? { tokens: cfg.burst, at: t };
      b.tokens = Math.min(cfg.burst, b.tokens + ((t - b.at) / 1000) * cfg.perSecond);
      b.at = t;
      if (buckets.size > 50_000) buckets.clear(); // a flood of fresh keys must not grow memory forever
      buckets.set(key, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - b.tokens) / cfg.perSecond));
    },
  };
}

export function rateLimitWrites(
  cfg: RateLimitConfig,
  clientKey: (c: Parameters<MiddlewareHandler>[0]) => string,
): MiddlewareHandler {
  const bucket = createTokenBucket(cfg);
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const wait = bucket.take(clientKey(c));
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return fail(c, 429, 'rate-limited', MESSAGES.rateLimited);
    }
    return next();
  };
}
