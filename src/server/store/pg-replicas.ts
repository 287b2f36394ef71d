import pg from 'pg';
import { processLog } from '../log.ts';
import type { LookupStore } from './lookup-types.ts';
import type { Query } from './pg.ts';
import { createPgRegistryQueries } from './pg-registry.ts';

// Public lookups on PostgreSQL streaming replicas (DATABASE_REPLICA_URL, one or more, comma-
// separated): each lookup goes to the next replica in turn. A replica that cannot answer (down,
// refusing connections, or cancelling a query that conflicts with replay) is left out for a few
// seconds and the lookup is answered by the primary instead: a shopper at a shop's door gets a
// record either way. Replicas are read-only: nothing here migrates, seeds or writes.

/** How long a replica that failed is left out before it is tried again. */
const REST_MS = 5000;

/** A failure of the replica rather than of the query: connection errors, shutdowns, replay conflicts. */
function replicaFailed(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return true; // socket-level (ECONNREFUSED…)
  // SQLSTATE classes 08 (connection), 57 (operator intervention, e.g. shutting down), 40001
  // (cancelled by a conflict with recovery), 53 (insufficient resources: too many connections).
  return /^(08|57|53)/.test(code) || code === '40001';
}

export const replicaUrls = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function openPostgresReplicas(
  urls: string[],
  primary: LookupStore,
  poolSize = 10,
): { lookups: LookupStore; close(): Promise<void> } {
  const replicas = urls.map((url) => {
    const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 2000 });
    pool.on('error', (error) => processLog().error('replica idle connection', { error: error.message }));
    const q: Query = async (query, values) =>
      (typeof query === 'string' ? await pool.query(query, values) : await pool.query(query)).rows;
    return { pool, queries: createPgRegistryQueries(q), restUntil: 0 };
  });
  let turn = 0;

  function via<K extends keyof LookupStore>(name: K): LookupStore[K] {
    const call = async (...args: unknown[]) => {
      for (let tried = 0; tried < replicas.length; tried++) {
        const r = replicas[turn++ % replicas.length]!;
        if (r.restUntil > Date.now()) continue;
        try {
          return await (r.queries[name] as (...a: unknown[]) => Promise<unknown>)(...args);
        } catch (error) {
          if (!replicaFailed(error)) throw error;
          r.restUntil = Date.now() + REST_MS;
          processLog().warn('replica unavailable, answering from the primary for 5 s', {
            error: (error as Error).message,
          });
        }
      }
      return (primary[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    };
    return call as LookupStore[K];
  }

  return {
    lookups: { location: via('location'), licence: via('licence'), nearby: via('nearby') },
    close: async () => {
      await Promise.all(replicas.map((r) => r.pool.end()));
    },
  };
}
