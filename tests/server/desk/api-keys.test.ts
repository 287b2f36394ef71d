import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnionQueueSchema } from '../../../src/api/index.ts';
import { migrate } from '../../../src/server/store/migrations.ts';
import { fileOverpricing, type Harness, startServer } from '../harness.ts';

// Machine access for a union's own systems (issue 12: "machine access for a union's own system
// uses per-system API keys (hashed, rotatable)"): the operator issues a key per system with
// `npm run desk -- api-key ...`, the system calls the Open311 union routes with it as a Bearer
// credential, and revoking it shuts that one system out at once.

const run = promisify(execFile);
let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h?.stop());

const UNION = 'union-4711-tehran';
const OTHER = 'union-4771-tehran';

async function desk(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/server/staff/cli.ts', ...args], {
    env: { ...process.env, DATA_DIR: h.dataDir, DATABASE_URL: h.databaseUrl ?? '' },
  });
  return stdout.trim();
}

async function createKey(agency: string, name: string) {
  const out = await desk('api-key', 'create', '--agency', agency, '--name', name);
  const m = /^(key_[0-9a-f]+) \(.+\): (kbf_key_[A-Za-z0-9_-]{43})$/m.exec(out)!;
  return { id: m[1]!, key: m[2]!, out };
}

const queue = (key: string) =>
  h.get('/open311/v2/union/requests.json?view=queue', { headers: { Authorization: `Bearer ${key}` } });

describe('per-system API keys', () => {
  it("open their own union's queue and nothing of another union's", async () => {
    const filed = await fileOverpricing(h);
    const ours = await createKey(UNION, 'case tracker');
    const theirs = await createKey(OTHER, 'case tracker');
    expect(ours.key).not.toBe(theirs.key);

    const mine = UnionQueueSchema.parse(await (await queue(ours.key)).json());
    expect(mine.union.id).toBe(UNION);
    expect(mine.items.map((i) => i.service_request_id)).toContain(filed.service_request_id);

    const other = UnionQueueSchema.parse(await (await queue(theirs.key)).json());
    expect(other.union.id).toBe(OTHER);
    expect(other.items.map((i) => i.service_request_id)).not.toContain(filed.service_request_id);
    const triage = await h.post(
      `/open311/v2/union/requests/${filed.service_request_id}/triage.json`,
      { decision: 'spam' },
      { Authorization: `Bearer ${theirs.key}` },
    );
    expect(triage.status).toBe(404);
  }, 60_000);

  it('each system has its own key; a revoked one is refused at once and the others keep working', async () => {
    const tracker = await createKey(UNION, 'tracker');
    const sms = await createKey(UNION, 'sms gateway');
    expect((await queue(tracker.key)).status).toBe(200);

    expect(await desk('api-key', 'revoke', tracker.id)).toMatch(/revoked$/);
    expect((await queue(tracker.key)).status).toBe(401);
    expect((await queue(sms.key)).status).toBe(200);
    // The demo key made on first start is one key among others, and still works.
    expect((await queue(h.token(UNION))).status).toBe(200);

    const listed = await desk('api-key', 'list', '--agency', UNION);
    expect(listed).toMatch(new RegExp(`^${tracker.id}\\ttracker\\t.+\\trevoked `, 'm'));
    expect(listed).toMatch(new RegExp(`^${sms.id}\\tsms gateway\\t.+\\tactive$`, 'm'));

    const trail = await h.deps.store.auditPage({ agencyId: UNION, limit: 50 });
    expect(trail.filter((e) => e.target === tracker.id).map((e) => e.action)).toEqual([
      'api-key.revoke',
      'api-key.create',
    ]);
  }, 60_000);

  it('are shown once: the list and the database hold only their SHA-256', async () => {
    const { id, key, out } = await createKey(UNION, 'archive export');
    expect(out).toContain(key);
    expect(await desk('api-key', 'list', '--agency', UNION)).not.toContain(key);
    expect((await queue(key)).status).toBe(200);
    const stored = h.storedBytes();
    expect(stored.includes(key)).toBe(false);
    expect(stored.includes(h.token(UNION))).toBe(false);
    expect(stored.includes(createHash('sha256').update(key).digest('hex'))).toBe(true);
    expect((await h.deps.store.apiKeyById(id))?.lastUsedAt).not.toBeNull();
  }, 60_000);

  it('the CLI refuses a key for a body with no desk and a key without a system name', async () => {
    await expect(desk('api-key', 'create', '--agency', 'no-such-union', '--name', 'x')).rejects.toThrow(
      /no union or chamber desk/,
    );
    await expect(desk('api-key', 'create', '--agency', UNION, '--name', ' ')).rejects.toThrow(/name/);
  }, 60_000);
});

describe('the shared desk token of an older database', () => {
  it('becomes that desk\'s first API key, named "demo", and leaves the agencies table', () => {
    // The schema just before the step that brings API keys, wherever that step lands in the list.
    const probe = new Database(':memory:');
    const hasKeys = () => !!probe.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'api_keys'`).get();
    let step = 0;
    while (!hasKeys()) migrate(probe, ++step);
    probe.close();
    const db = new Database(':memory:');
    migrate(db, step - 1);
    const hash = createHash('sha256').update('kbf_an-old-shared-token').digest('hex');
    db.prepare(
      `INSERT INTO agencies (id, kind, name, phone, address, guild_code, county, token_hash)
       VALUES ('union-1', 'union', 'اتحادیه', '', '', '4711', 'تهران', ?)`,
    ).run(hash);
    migrate(db);
    expect(db.prepare('SELECT agency_id, name, key_hash, revoked_at FROM api_keys').all()).toEqual([
      { agency_id: 'union-1', name: 'demo', key_hash: hash, revoked_at: null },
    ]);
    expect(db.prepare('SELECT token_hash FROM agencies').all()).toEqual([{ token_hash: null }]);
    db.close();
  });
});
