import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/store/migrations.ts';
import { FIRST_GLN, fileOverpricing, type Harness, startServer } from './harness.ts';

// Secrets at rest: a supporter's install id (a stable identifier of a phone) and a reporter's
// access token are never in the database as they are; a copied database (file or dump) reveals neither.

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
let h: Harness;

beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h.stop());

describe('supporters on file', () => {
  it('stores no raw install id, by place or by id', async () => {
    const filed = await fileOverpricing(h);
    // An install id is the part of its token before the signature.
    const [byIdToken, byPlaceToken] = [await h.install(), await h.install()];
    const [byId, byPlace] = [byIdToken, byPlaceToken].map((t) => t.split('.')[0]!) as [string, string];
    const direct = await h.post(
      `/open311/v2/requests/${filed.service_request_id}/support.json`,
      {},
      { 'X-Install-Token': byIdToken },
    );
    expect(direct.status).toBe(200);
    const res = await h.post(
      '/open311/v2/support.json',
      { address_id: FIRST_GLN, service_code: 'overpricing', device_id: 'witness-phone-0001' },
      { 'X-Install-Token': byPlaceToken },
    );
    expect(res.status).toBe(200);
    const bytes = h.storedBytes();
    for (const id of [byId, byPlace]) {
      expect(bytes.includes(Buffer.from(id))).toBe(false);
      expect(bytes.includes(Buffer.from(sha256(id)))).toBe(true);
    }
  });
});

describe('reporters on file', () => {
  it('keeps no access token in the clear, and a retry with the same key still gets it back', async () => {
    const key = 'phone-outbox-3b0c1f5e-0000-4000-8000-00000000000a';
    const first = await fileOverpricing(h, {}, { 'Idempotency-Key': key });
    const again = await fileOverpricing(h, {}, { 'Idempotency-Key': key });
    expect(again).toEqual(first);
    const bytes = h.storedBytes();
    expect(bytes.includes(Buffer.from(first.access_token))).toBe(false);
    expect(bytes.includes(Buffer.from(key))).toBe(false);
  });
});

describe('the supporter-hash migration', () => {
  it('replaces every stored install id with its SHA-256', () => {
    const db = new Database(':memory:');
    migrate(db, 3);
    db.prepare('INSERT INTO supports (request_id, device_id) VALUES (?, ?)').run('R1', 'raw-install-id');
    migrate(db);
    expect(db.prepare('SELECT device_id FROM supports').all()).toEqual([
      { device_id: sha256('raw-install-id') },
    ]);
    db.close();
  });
});
