import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { processLog } from '../log.ts';
import type { SeedData } from '../seed/types.ts';
import type { MediaStore } from './media.ts';
import { migratePostgres } from './migrations.ts';
import type { Storage } from './open.ts';
import { createPgApiKeyQueries } from './pg-api-keys.ts';
import { createPgComplaintQueries } from './pg-complaints.ts';
import { createPgDeskQueries } from './pg-desk.ts';
import { createPgFieldQueries } from './pg-field.ts';
import { createPgOpsQueries } from './pg-ops.ts';
import { createPgOutcomeQueries } from './pg-outcomes.ts';
import { createPgPushQueries } from './pg-push.ts';
import { pgRateBuckets } from './pg-rate-buckets.ts';
import { createPgRegistryQueries } from './pg-registry.ts';
import { createPgStaffQueries } from './pg-staff.ts';
import { createPgTrustQueries } from './pg-trust.ts';
import type { Store } from './types.ts';

// The PostgreSQL (+ PostGIS) store, chosen by DATABASE_URL=postgres://… . A pool of connections;
// a transaction takes one of them, and every store call made inside it (found through
// AsyncLocalStorage, so callers pass nothing) runs on that one.

export type Query = <R = Record<string, unknown>>(
  query: string | { name: string; text: string; values: unknown[] },
  values?: unknown[],
) => Promise<R[]>;

export const isPostgresUrl = (url: string | undefined): url is string =>
  !!url && /^postgres(?:ql)?:\/\//.test(url);

/** Seed rows go in as one JSON parameter per batch: one round trip per few thousand rows. */
const SEED_BATCH = 5000;

export async function openPostgresStore(url: string, poolSize = 10): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that dies (a restarted server) must not take the process with it.
  pool.on('error', (error) => processLog().error('postgres idle connection', { error: error.message }));
  const current = new AsyncLocalStorage<pg.PoolClient>();
  // Inside a transaction: what waits for its commit (see Store.afterCommit).
  const committed = new AsyncLocalStorage<(() => void)[]>();
  let closing: Promise<void> | undefined;

  const q: Query = async (query, values) => {
    const on = current.getStore() ?? pool;
    const result = typeof query === 'string' ? await on.query(query, values) : await on.query(query);
    return result.rows;
  };

  async function transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (current.getStore()) return fn();
    const client = await pool.connect();
    const after: (() => void)[] = [];
    try {
      await client.query('BEGIN');
      const result = await current.run(client, () => committed.run(after, fn));
      await client.query('COMMIT');
      for (const f of after) f();
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  {
    const client = await pool.connect();
    try {
      await migratePostgres(client);
    } finally {
      client.release();
    }
  }

  async function insertJson(table: string, columns: string[], rows: Record<string, unknown>[]) {
    const list = columns.join(', ');
    for (let i = 0; i < rows.length; i += SEED_BATCH)
      await q(
        `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1)`,
        [JSON.stringify(rows.slice(i, i + SEED_BATCH))],
      );
  }

  async function seed(data: SeedData): Promise<boolean> {
    return transaction(async () => {
      // Instances started together: the first seeds, the others find it done.
      await q(`SELECT pg_advisory_xact_lock(hashtext('kala-be-fi:seed'))`);
      if ((await q(`SELECT 1 FROM meta WHERE key = 'seeded'`)).length) return false;
      await insertJson(
        'guilds',
        ['code', 'name', 'isic_code', 'isic_title'],
        data.guilds.map((g) => ({
          code: g.code,
          name: g.name,
          isic_code: g.isicCode,
          isic_title: g.isicTitle,
        })),
      );
      await insertJson(
        'agencies',
        ['id', 'kind', 'name', 'phone', 'address', 'guild_code', 'county', 'token_hash'],
        data.agencies.map((a) => ({
          id: a.id,
          kind: a.kind,
          name: a.name,
          phone: a.phone,
          address: a.address,
          guild_code: a.guildCode,
          county: a.county,
          token_hash: a.tokenHash,
        })),
      );
      await insertJson(
        'licences',
        ['id', 'holder', 'guild_code', 'issued_at', 'expires_at'],
        data.licences.map((l) => ({
          id: l.id,
          holder: l.holder,
          guild_code: l.guildCode,
          issued_at: l.issuedAt,
          expires_at: l.expiresAt,
        })),
      );
      const locationColumns = {
        gln: 'gln',
        name: 'name',
        role: 'role',
        licence_id: 'licenceId',
        guild_code: 'guildCode',
        service_code: 'serviceCode',
        province: 'province',
        city: 'city',
        county: 'county',
        street: 'street',
        plate: 'plate',
        floor: 'floor',
        unit: 'unit',
        postcode: 'postcode',
        lat: 'lat',
        lng: 'lng',
        verification_level: 'verificationLevel',
        status: 'status',
        status_since: 'statusSince',
        replaced_by: 'replacedBy',
        updated_at: 'updatedAt',
      } as const;
      await insertJson(
        'locations',
        [...Object.keys(locationColumns), 'pos_json'],
        data.locations.map((l) => ({
          ...Object.fromEntries(Object.entries(locationColumns).map(([col, key]) => [col, l[key]])),
          pos_json: JSON.stringify(l.pos),
        })),
      );
      await insertJson('sublocations', ['gln', 'ext', 'name', 'floor', 'unit'], data.subLocations);
      await q(`INSERT INTO meta VALUES ('seeded', $1)`, [new Date().toISOString()]);
      return true;
    });
  }

  const media: MediaStore = {
    async put(name, bytes, at) {
      // The same bytes stored again restart the grace period, as a file rewritten would.
      await q(
        `INSERT INTO media (name, bytes, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET created_at = EXCLUDED.created_at`,
        [name, Buffer.from(bytes), at],
      );
    },
    async get(name) {
      const [row] = await q<{ bytes: Buffer }>(`SELECT bytes FROM media WHERE name = $1`, [name]);
      return row?.bytes;
    },
    has: async (name) => (await q(`SELECT 1 FROM media WHERE name = $1`, [name])).length > 0,
    storedBefore: async (at) =>
      (await q<{ name: string }>(`SELECT name FROM media WHERE created_at < $1`, [at])).map((r) => r.name),
    async remove(name) {
      await q(`DELETE FROM media WHERE name = $1`, [name]);
    },
  };

  const store: Store = {
    isSeeded: async () => (await q(`SELECT 1 FROM meta WHERE key = 'seeded'`)).length > 0,
    seed,
    ...createPgRegistryQueries(q),
    ...createPgComplaintQueries(q, transaction, () => current.getStore() !== undefined),
    ...createPgStaffQueries(q, transaction),
    ...createPgOpsQueries(q),
    ...createPgDeskQueries(q),
    ...createPgFieldQueries(q, transaction),
    ...createPgPushQueries(q, transaction),
    ...createPgOutcomeQueries(q),
    ...createPgApiKeyQueries(q),
    ...createPgTrustQueries(q),
    transaction,
    afterCommit(f) {
      const waiting = committed.getStore();
      if (waiting) waiting.push(f);
      else f();
    },
    close: () => (closing ??= pool.end()),
  };
  const buckets = pgRateBuckets(q);
  return {
    store,
    media,
    rateBuckets: buckets.factory,
    prune: buckets.prune,
    lookups: store,
    closeLookups: async () => {},
  };
}
