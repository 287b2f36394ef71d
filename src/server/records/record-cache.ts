import { createHash } from 'node:crypto';
import type { LocationRecord, TrustSummary } from '../../api/index.ts';
import { fieldRecord } from '../field/public-record.ts';
import { LruMap } from '../lru-map.ts';
import type { LookupStore } from '../store/lookup-types.ts';
import type { Store } from '../store/types.ts';
import { trustOf, trustSummaries } from '../trust/trust-of.ts';

// Lookups are most of the traffic and the registry changes rarely, so records are kept as the
// ready bytes of their JSON (UTF-8, written to the socket as they are) with their ETag, at most
// `max` of them, the least recently used forgotten first. Misses are remembered too, so a
// flood of unknown GLNs does not reach the database each time. The trust badge in a record
// counts complaints and readings within windows that move with the clock, and other instances'
// writes never clear this cache, so an entry is read again after `maxAgeMs` at most.

export type CachedRecord =
  | { found: true; record: LocationRecord; bytes: Buffer<ArrayBuffer>; etag: string }
  | { found: false };

const MISS: CachedRecord = { found: false };

/**
 * `store`: where the registry is read (a replica may answer). `fieldStore`: where enforcement
 * stages and on-site checks are read — the primary, since they are written by the desk and a
 * replica's lag would show a shop open minutes after its seal.
 */
export function createRecordCache(
  store: Pick<LookupStore, 'location'>,
  fieldStore: Pick<Store, 'shopEnforcement' | 'lastVerification' | 'trustFacts'>,
  max = 20_000,
  now: () => Date = () => new Date(),
  maxAgeMs = 60_000,
) {
  const cache = new LruMap<string, { value: CachedRecord; at: number }>(max);
  // Nearby answers' badges by GLN, kept by the same rules as the records (age, forget, clear):
  // a list of the same street asked again costs no query.
  const badges = new LruMap<string, { value: TrustSummary; at: number }>(max);

  async function load(gln: string, ext: string | undefined): Promise<CachedRecord> {
    const base = await store.location(gln);
    if (!base) return MISS;
    // An unknown extension walks up to the GLN's own record (GS1 resolver rule).
    const sub = ext ? base.subLocations.find((s) => s.ext === ext) : undefined;
    const [field, trust] = await Promise.all([fieldRecord(fieldStore, gln), trustOf(fieldStore, gln, now())]);
    const record: LocationRecord = {
      ...base,
      ...field,
      ...(sub ? { subLocation: sub } : {}),
      ...(trust ? { trust } : {}),
    };
    const bytes = Buffer.from(JSON.stringify(record), 'utf8');
    const etag = `"${createHash('sha1').update(bytes).digest('base64url').slice(0, 22)}"`;
    return { found: true, record, bytes, etag };
  }

  return {
    async get(gln: string, ext?: string): Promise<CachedRecord> {
      const key = ext ? `${gln}/${ext}` : gln;
      const hit = cache.get(key);
      const t = now().getTime();
      if (hit && t - hit.at < maxAgeMs) return hit.value;
      const value = await load(gln, ext);
      cache.set(key, { value, at: t });
      return value;
    },
    /** The badges of these shops (known ones only), reading the store for those not kept. */
    async summaries(glns: string[]): Promise<Map<string, TrustSummary>> {
      const t = now().getTime();
      const out = new Map<string, TrustSummary>();
      const missing: string[] = [];
      for (const gln of glns) {
        const hit = badges.get(gln);
        if (hit && t - hit.at < maxAgeMs) out.set(gln, hit.value);
        else missing.push(gln);
      }
      for (const [gln, value] of await trustSummaries(fieldStore, missing, now())) {
        badges.set(gln, { value, at: t });
        out.set(gln, value);
      }
      return out;
    },
    /** Call after any write to the registry. */
    clear: () => {
      cache.clear();
      badges.clear();
    },
    /** Call after a write that changes one shop's record (its badge's facts): its entries only. */
    forget(gln: string) {
      badges.delete(gln);
      for (const key of cache.keys()) if (key === gln || key.startsWith(`${gln}/`)) cache.delete(key);
    },
  };
}
export type RecordCache = ReturnType<typeof createRecordCache>;

/** RFC 9110 If-None-Match: a list of tags, weak comparison, or `*`. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
