import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRegistry } from '../../../src/server/seed/generate.ts';
import { type Harness, startServer } from '../harness.ts';

// Issue 11, point 1: every union's Bearer token could be computed from the fixed seed in the
// repository. Tokens must be drawn at random per installation, kept only hashed in the database,
// handed to the operator through a 0600 file, and rotatable.

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const queue = (h: Harness, token: string) =>
  h.get('/open311/v2/union/requests.json', { headers: { Authorization: `Bearer ${token}` } });

let a: Harness;
let b: Harness;
beforeAll(async () => {
  [a, b] = await Promise.all([startServer(), startServer()]);
});
afterAll(async () => {
  await Promise.all([a.stop(), b.stop()]);
});

describe('clerk credentials are generated, not derived', () => {
  it('the seeded registry carries no credential at all', () => {
    expect(generateRegistry(undefined, 5).data.agencies.every((ag) => ag.tokenHash === null)).toBe(true);
  });

  it('two installations of the same release get different tokens for the same union', async () => {
    const id = 'union-4711-tehran';
    expect(a.token(id)).not.toBe(b.token(id));
    expect((await queue(a, a.token(id))).status).toBe(200);
    expect((await queue(b, a.token(id))).status).toBe(401);
    // API keys of 32 random bytes each (secrets/api-keys.ts), and no two desks share one.
    const tokens = a.demo.credentials.map((c) => c.token);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const t of tokens) expect(Buffer.from(t.replace(/^kbf_key_/, ''), 'base64url').length).toBe(32);
  });

  it('keeps tokens in a file only its owner reads, and only their hashes in the database', () => {
    const dir = join(a.dataDir, 'secrets');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of ['union-tokens.json', 'server.key'])
      expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    const db = Buffer.concat(
      readdirSync(a.dataDir)
        .filter((f) => f.includes('sqlite'))
        .map((f) => readFileSync(join(a.dataDir, f))),
    );
    for (const c of a.demo.credentials.slice(0, 20)) expect(db.includes(Buffer.from(c.token))).toBe(false);
  });

  it('rotates one desk with `npm run secrets -- rotate`: the old token stops, the printed one works', async () => {
    const id = 'union-4771-tehran';
    const old = a.token(id);
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/server/secrets/cli.ts', 'rotate', id],
      {
        cwd: root,
        // The service's own database: its DATA_DIR, and on PostgreSQL its DATABASE_URL.
        env: {
          ...process.env,
          DATA_DIR: a.dataDir,
          ...(a.databaseUrl ? { DATABASE_URL: a.databaseUrl } : {}),
        },
      },
    );
    const fresh = /: (kbf_\S+)$/m.exec(stdout)?.[1];
    expect(fresh).toBeTruthy();
    expect((await queue(a, old)).status).toBe(401);
    expect((await queue(a, fresh!)).status).toBe(200);
    const kept = JSON.parse(readFileSync(join(a.dataDir, 'secrets/union-tokens.json'), 'utf8'));
    expect(kept.find((c: { agencyId: string }) => c.agencyId === id).token).toBe(fresh);
    // Every other desk keeps its token.
    expect((await queue(a, a.token('chamber-tehran'))).status).toBe(200);
  });

  it("install tokens are signed with the installation's own key: another installation refuses them", async () => {
    const theirs = await b.install();
    const res = await a.post('/api/v1/media', 'x', {
      'X-Install-Token': theirs,
      'Content-Type': 'image/png',
    });
    expect(res.status).toBe(401);
    expect((await res.json())[0].code).toBe('install-required');
  });

  it("takes the server key from SERVER_KEY, so instances behind one proxy accept each other's tokens", async () => {
    const env = { SERVER_KEY: 'k'.repeat(16) + 'an-operator-chosen-random-string' };
    const [x, y] = await Promise.all([startServer({ env }), startServer({ env })]);
    try {
      const token = await x.install();
      const res = await y.post(
        '/open311/v2/support.json',
        { address_id: '6260000000019', service_code: 'fraud', device_id: 'any-device' },
        { 'X-Install-Token': token },
      );
      expect(res.status).toBe(404); // accepted as an install; simply nothing open to support
    } finally {
      await Promise.all([x.stop(), y.stop()]);
    }
  });
});
