import { join } from 'node:path';
import type { Store } from '../store/types.ts';
import { createApiKey } from './api-keys.ts';
import { readSecretFile, secretsDir, writeSecretFile } from './secret-files.ts';

// The demo's API keys: on first start every union and chamber desk gets one key named "demo"
// (secrets/api-keys.ts), so the demo's scripts and a union trying the Open311 routes have
// something to call with. The keys themselves are written once, to
// DATA_DIR/secrets/union-tokens.json (0600), for the operator to hand out; a rotation revokes
// the old demo key and rewrites that file. Real systems get keys of their own from
// `npm run desk -- api-key create`.

export type DeskCredential = { agencyId: string; name: string; token: string };

const DEMO = 'demo';
const fileOf = (dataDir: string) => join(secretsDir(dataDir), 'union-tokens.json');

export function readDeskCredentials(dataDir: string): DeskCredential[] {
  const text = readSecretFile(fileOf(dataDir));
  return text ? (JSON.parse(text) as DeskCredential[]) : [];
}

function save(dataDir: string, creds: DeskCredential[]): void {
  writeSecretFile(fileOf(dataDir), `${JSON.stringify(creds, null, 2)}\n`);
}

/** First start: a demo key for every union and chamber desk. */
export async function issueDeskCredentials(store: Store, dataDir: string): Promise<DeskCredential[]> {
  const creds = await store.transaction(async () => {
    const out: DeskCredential[] = [];
    for (const a of await store.deskAgencies()) {
      const { key } = await createApiKey(store, a.id, DEMO, 'service');
      out.push({ agencyId: a.id, name: a.name, token: key });
    }
    return out;
  });
  save(dataDir, creds);
  return creds;
}

/** A new demo key for one desk; the old one stops working at once. Undefined: no such desk. */
export async function rotateDeskCredential(
  store: Store,
  dataDir: string,
  agencyId: string,
): Promise<DeskCredential | undefined> {
  const agency = (await store.deskAgencies()).find((a) => a.id === agencyId);
  if (!agency) return undefined;
  const cred = await store.transaction(async () => {
    const at = new Date().toISOString();
    for (const k of await store.listApiKeys(agencyId))
      if (k.name === DEMO && !k.revokedAt) await store.revokeApiKey(k.id, at);
    const { key } = await createApiKey(store, agencyId, DEMO, 'operator');
    return { agencyId, name: agency.name, token: key };
  });
  save(dataDir, [...readDeskCredentials(dataDir).filter((c) => c.agencyId !== agencyId), cred]);
  return cred;
}
