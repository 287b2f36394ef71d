import { ApiKeyError, createApiKey } from '../secrets/api-keys.ts';
import type { AuditEntry } from '../store/staff-types.ts';
import type { Store } from '../store/types.ts';

// `npm run desk -- api-key ...`: the operator issues, lists and revokes the keys a union's own
// systems call the Open311 routes with. A new key is printed once; the list never shows one.
// Creating and revoking go into the union's audit trail, where its manager reads them.

const OPERATOR = { staffId: 'cli', staffName: 'operator (CLI)', role: 'operator' } as const;

function auditEntry(agencyId: string, action: string, target: string, name: string): AuditEntry {
  return { at: new Date().toISOString(), ...OPERATOR, agencyId, action, target, detail: { name } };
}

/** False: not a command this knows (the caller prints the usage). */
export async function apiKeyCommand(
  store: Store,
  [sub, arg]: string[],
  agency: string | undefined,
  name: string | undefined,
): Promise<boolean> {
  if (sub === 'create' && agency) {
    const { apiKey, key } = await createApiKey(store, agency, name ?? '', OPERATOR.staffName);
    await store.appendAudit(auditEntry(agency, 'api-key.create', apiKey.id, apiKey.name));
    console.log(`${apiKey.id} (${apiKey.agencyId}, ${apiKey.name}): ${key}`);
    console.log('This key is shown only now; the service keeps only its hash.');
  } else if (sub === 'list' && agency) {
    for (const k of await store.listApiKeys(agency)) {
      const state = k.revokedAt ? `revoked ${k.revokedAt}` : 'active';
      console.log([k.id, k.name, k.createdAt, k.lastUsedAt ?? 'never used', state].join('\t'));
    }
  } else if (sub === 'revoke' && arg) {
    const key = await store.apiKeyById(arg);
    if (!key) throw new ApiKeyError(`no API key ${JSON.stringify(arg)}`);
    if (!(await store.revokeApiKey(key.id, new Date().toISOString())))
      throw new ApiKeyError(`${key.id} was already revoked`);
    await store.appendAudit(auditEntry(key.agencyId, 'api-key.revoke', key.id, key.name));
    console.log(`${key.id} (${key.agencyId}, ${key.name}): revoked`);
  } else return false;
  return true;
}
