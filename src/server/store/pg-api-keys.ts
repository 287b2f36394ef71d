import { type ApiKeyQueries, type ApiKeyRow, toApiKey, touchedBefore } from './api-key-types.ts';
import type { Query } from './pg.ts';
import type { Async } from './types.ts';

// Union systems' API keys on PostgreSQL: the same rows as on SQLite.

const COLUMNS = 'id, agency_id, name, created_at, created_by, revoked_at, last_used_at';

export function createPgApiKeyQueries(q: Query): Async<ApiKeyQueries> {
  const one = async (text: string, values: unknown[]) => {
    const r = (await q<ApiKeyRow>(text, values))[0];
    return r && toApiKey(r);
  };
  return {
    insertApiKey: async (k) => {
      await q(
        `INSERT INTO api_keys (id, agency_id, name, key_hash, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [k.id, k.agencyId, k.name, k.keyHash, k.createdAt, k.createdBy],
      );
    },
    apiKeyByHash: (hash) =>
      one(`SELECT ${COLUMNS} FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`, [hash]),
    touchApiKey: async (id, at) => {
      await q(
        `UPDATE api_keys SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)`,
        [at, id, touchedBefore(at)],
      );
    },
    listApiKeys: async (agencyId) =>
      (
        await q<ApiKeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE agency_id = $1 ORDER BY created_at, id`, [
          agencyId,
        ])
      ).map(toApiKey),
    apiKeyById: (id) => one(`SELECT ${COLUMNS} FROM api_keys WHERE id = $1`, [id]),
    revokeApiKey: async (id, at) =>
      (
        await q(`UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL RETURNING id`, [
          at,
          id,
        ])
      ).length > 0,
  };
}
