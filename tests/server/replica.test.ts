import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocationRecordSchema, NearbyResultSchema } from '../../src/api/index.ts';
import { fileOverpricing, type Harness, startServer, TEST_ENGINE } from './harness.ts';

// Issue 14, "Reads scale out": "Public lookups (record, linkset, nearby) may be served from
// PostgreSQL streaming replicas (DATABASE_REPLICA_URL, one or more), writes and read-your-writes
// paths (a reporter reading the complaint just filed) from the primary."
// A throwaway primary of its own and a streaming replica of it (scripts/pg-cluster.sh start,
// then replica: pg_basebackup -R), each in its own temp dir with its own socket. Replay on the
// replica is paused while the primary changes, so the two hold different answers and each
// answer shows which one gave it.

const script = (command: string, dir: string) =>
  execFileSync('bash', ['scripts/pg-cluster.sh', command], {
    env: { ...process.env, KBF_PG_DIR: dir },
    encoding: 'utf8',
  }).trim();
const onDatabase = (url: string, name: string) => url.replace(/\/postgres\?/, `/${name}?`);

async function sql<R = Record<string, unknown>>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as R[];
  } finally {
    await client.end();
  }
}

describe.runIf(TEST_ENGINE === 'postgres')('lookups from a streaming replica', () => {
  // Made by the script itself: a cluster run as `postgres` cannot enter root's private temp dirs.
  const dir = join(tmpdir(), `kbf-replica-${randomBytes(6).toString('hex')}`);
  let primary: string;
  let replica: string;
  let h: Harness;

  /** Waits until the replica has replayed everything the primary wrote so far. */
  async function caughtUp() {
    const [{ lsn }] = (await sql<{ lsn: string }>(primary, 'SELECT pg_current_wal_lsn()::text AS lsn')) as [
      { lsn: string },
    ];
    for (let i = 0; i < 200; i++) {
      const [row] = await sql<{ done: boolean }>(
        replica,
        'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done',
        [lsn],
      );
      if (row!.done) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the replica did not catch up');
  }

  beforeAll(async () => {
    const admin = script('start', dir);
    await sql(admin, 'CREATE DATABASE kbf');
    replica = onDatabase(script('replica', dir), 'kbf');
    primary = onDatabase(admin, 'kbf');
    // The service migrates and seeds the primary; the replica follows by streaming.
    h = await startServer({ databaseUrl: primary, replicaUrls: [replica] });
    await caughtUp();
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
    script('stop', dir);
  });

  it('answers records and nearby from the replica, and a complaint just filed from the primary', async () => {
    expect((await sql<{ r: boolean }>(replica, 'SELECT pg_is_in_recovery() AS r'))[0]!.r).toBe(true);
    const [renamed, moved] = await sql<{ gln: string; name: string }>(
      primary,
      'SELECT gln, name FROM locations ORDER BY gln OFFSET 20 LIMIT 2',
    );
    await sql(replica, 'SELECT pg_wal_replay_pause()');
    try {
      // The primary moves on; the paused replica still holds the registry as it was.
      await sql(primary, `UPDATE locations SET name = 'renamed on the primary' WHERE gln = $1`, [
        renamed!.gln,
      ]);
      await sql(primary, 'UPDATE locations SET lat = 0.5, lng = 0.5 WHERE gln = $1', [moved!.gln]);

      const record = LocationRecordSchema.parse(
        await (await h.get(`/api/v1/locations/${renamed!.gln}`)).json(),
      );
      expect(record.name).toBe(renamed!.name);
      const near = NearbyResultSchema.parse(
        await (await h.get('/api/v1/locations?near=0.5,0.5&radius=300')).json(),
      );
      expect(near.items).toEqual([]);
      const linkset = await h.get(`/414/${moved!.gln}?linkType=linkset`);
      expect(linkset.status).toBe(200);

      // Filing writes to the primary, and the reporter reads it back at once from there: the
      // paused replica has never seen it.
      const filed = await fileOverpricing(h);
      const mine = await h.get(`/open311/v2/requests/${filed.service_request_id}.json`, {
        headers: { Authorization: `Bearer ${filed.access_token}` },
      });
      expect(mine.status).toBe(200);
      const count = (url: string) =>
        sql<{ n: number }>(url, 'SELECT COUNT(*)::int AS n FROM requests WHERE id = $1', [
          filed.service_request_id,
        ]);
      expect((await count(primary))[0]!.n).toBe(1);
      expect((await count(replica))[0]!.n).toBe(0);
    } finally {
      await sql(replica, 'SELECT pg_wal_replay_resume()');
    }
    // The lag a shopper sees ends once the replica replays: the moved shop is found at its new place.
    await caughtUp();
    const near = NearbyResultSchema.parse(
      await (await h.get('/api/v1/locations?near=0.5,0.5&radius=300')).json(),
    );
    expect(near.items.map((i) => i.gln)).toEqual([moved!.gln]);
  });

  it('answers lookups from the primary while a replica cannot be reached', async () => {
    const away = await startServer({
      databaseUrl: primary,
      replicaUrls: [onDatabase(`postgres://postgres@/postgres?host=${dir}-nowhere`, 'kbf')],
    });
    try {
      const [first] = await sql<{ gln: string }>(primary, 'SELECT gln FROM locations ORDER BY gln LIMIT 1');
      expect((await away.get(`/api/v1/locations/${first!.gln}`)).status).toBe(200);
      expect((await away.get('/api/v1/locations?near=35.7,51.4&radius=300')).status).toBe(200);
    } finally {
      await away.stop();
    }
  });
});
