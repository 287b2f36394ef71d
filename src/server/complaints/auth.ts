import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { apiKeyFor } from '../secrets/api-keys.ts';
import type { Agency, Store, StoredRequest } from '../store/types.ts';

// Bearer tokens: the reporter's access_token (per complaint) or an API key of a union's system. Only
// hashes are stored, so a copy of the database does not hand out access.

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function bearer(c: Context): string | undefined {
  const m = /^Bearer\s+(\S{8,200})$/i.exec(c.req.header('authorization') ?? '');
  return m?.[1];
}

export type Caller =
  | { kind: 'reporter' }
  | { kind: 'agency'; agency: Agency }
  | { kind: 'none' }
  | { kind: 'other' };

/** Who is asking about this complaint: its reporter, its responsible body, or someone else. */
export function callerFor(c: Context, store: Store, req: StoredRequest): Promise<Caller> {
  return callerForToken(bearer(c), store, req);
}

/** The same, for a credential that arrived another way (FixMyStreet's `api_key` field). */
export async function callerForToken(
  token: string | undefined,
  store: Store,
  req: StoredRequest,
): Promise<Caller> {
  if (!token) return { kind: 'none' };
  const hash = sha256(token);
  if (hash === req.tokenHash) return { kind: 'reporter' };
  const agency = await agencyForKey(store, token);
  if (agency && agency.id === req.agencyId) return { kind: 'agency', agency };
  return { kind: 'other' };
}

/** The union or chamber whose live API key this is. */
export async function agencyForKey(store: Store, token: string): Promise<Agency | undefined> {
  const key = await apiKeyFor(store, token);
  return key && store.agency(key.agencyId);
}

export async function agencyFor(c: Context, store: Store): Promise<Agency | undefined> {
  const token = bearer(c);
  return token ? agencyForKey(store, token) : undefined;
}
