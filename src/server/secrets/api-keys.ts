import { createHash, randomBytes } from 'node:crypto';
import type { ApiKey } from '../store/api-key-types.ts';
import type { Store } from '../store/types.ts';

// Machine access for a union's own systems: one key per system, so one can be revoked without
// stopping the others. A key is 32 random bytes, shown once to whoever creates it; the database
// keeps only its SHA-256 (a key has full entropy, so a fast hash is enough), so a copy of the
// database calls no route.

export const API_KEY_PREFIX = 'kbf_key_';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class ApiKeyError extends Error {}

/** A new key for one union or chamber; `key` exists only in this answer. */
export async function createApiKey(
  store: Store,
  agencyId: string,
  name: string,
  createdBy: string,
): Promise<{ apiKey: ApiKey; key: string }> {
  const agency = (await store.deskAgencies()).find((a) => a.id === agencyId);
  if (!agency) throw new ApiKeyError(`no union or chamber desk with the id ${JSON.stringify(agencyId)}`);
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100)
    throw new ApiKeyError('a key needs the name of its system (1-100 characters)');
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const apiKey: ApiKey = {
    id: `key_${randomBytes(8).toString('hex')}`,
    agencyId,
    name: trimmed,
    createdAt: new Date().toISOString(),
    createdBy,
    revokedAt: null,
    lastUsedAt: null,
  };
  await store.insertApiKey({ ...apiKey, keyHash: sha256(key) });
  return { apiKey, key };
}

/** The live key behind a Bearer credential, marked used; undefined for anything else. */
export async function apiKeyFor(store: Store, token: string): Promise<ApiKey | undefined> {
  const found = await store.apiKeyByHash(sha256(token));
  if (found) await store.touchApiKey(found.id, new Date().toISOString());
  return found;
}
