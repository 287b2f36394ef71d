// What the store keeps about the keys a union's own systems call the Open311 routes with.
// Written once as plain return types; `Store` sees each as a promise (types.ts).

/** A key as listed to the operator: never the key itself, which is known only by its hash. */
export type ApiKey = {
  id: string;
  agencyId: string;
  /** The system that holds it ("the union's case tracker"). */
  name: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
};

export type NewApiKey = Omit<ApiKey, 'revokedAt' | 'lastUsedAt'> & { keyHash: string };

export interface ApiKeyQueries {
  insertApiKey(key: NewApiKey): void;
  /** The live key with this SHA-256; revoked keys are not found. */
  apiKeyByHash(keyHash: string): ApiKey | undefined;
  /** Marks the key used at `at`, at most once a minute per key so a busy system costs few writes. */
  touchApiKey(id: string, at: string): void;
  /** Every key of an agency, revoked ones too, oldest first. */
  listApiKeys(agencyId: string): ApiKey[];
  apiKeyById(id: string): ApiKey | undefined;
  /** False when there is no such key or it was already revoked. */
  revokeApiKey(id: string, at: string): boolean;
}

export type ApiKeyRow = {
  id: string;
  agency_id: string;
  name: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
  last_used_at: string | null;
};

export const toApiKey = (r: ApiKeyRow): ApiKey => ({
  id: r.id,
  agencyId: r.agency_id,
  name: r.name,
  createdAt: r.created_at,
  createdBy: r.created_by,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
});

/** The moment before which a use is worth recording again (see `touchApiKey`). */
export const touchedBefore = (at: string) => new Date(Date.parse(at) - 60_000).toISOString();
