import type Database from 'better-sqlite3';
import { type ApiKeyQueries, type ApiKeyRow, toApiKey, touchedBefore } from './api-key-types.ts';

// Union systems' API keys on SQLite.

const COLUMNS = 'id, agency_id, name, created_at, created_by, revoked_at, last_used_at';

export function createApiKeyQueries(db: Database.Database): ApiKeyQueries {
  const insert = db.prepare(
    `INSERT INTO api_keys (id, agency_id, name, key_hash, created_at, created_by)
     VALUES (@id, @agencyId, @name, @keyHash, @createdAt, @createdBy)`,
  );
  const byHash = db.prepare<[string], ApiKeyRow>(
    `SELECT ${COLUMNS} FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL`,
  );
  const byId = db.prepare<[string], ApiKeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE id = ?`);
  const ofAgency = db.prepare<[string], ApiKeyRow>(
    `SELECT ${COLUMNS} FROM api_keys WHERE agency_id = ? ORDER BY created_at, id`,
  );
  const touch = db.prepare(
    `UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)`,
  );
  const revoke = db.prepare(`UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`);
  return {
    insertApiKey: (k) => void insert.run(k),
    apiKeyByHash: (hash) => {
      const r = byHash.get(hash);
      return r && toApiKey(r);
    },
    touchApiKey: (id, at) => void touch.run(at, id, touchedBefore(at)),
    listApiKeys: (agencyId) => ofAgency.all(agencyId).map(toApiKey),
    apiKeyById: (id) => {
      const r = byId.get(id);
      return r && toApiKey(r);
    },
    revokeApiKey: (id, at) => revoke.run(at, id).changes > 0,
  };
}
