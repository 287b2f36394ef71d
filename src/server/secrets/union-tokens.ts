import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Store } from '../store/types.ts';
import { readSecretFile, secretsDir, writeSecretFile } from './secret-files.ts';

// Clerks' Bearer tokens, until the union workspace brings accounts. Each is 24 random bytes; the
// database keeps only its SHA-256, so a copy of it opens no desk. The tokens themselves are
// written once, to DATA_DIR/secrets/union-tokens.json (0600), for the operator to hand out; a
// rotation rewrites that file and the hash together.

export type DeskCredential = { agencyId: string; name: string; token: string };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const fileOf = (dataDir: string) => join(secretsDir(dataDir), 'union-tokens.json');
const newToken = () => `kbf_${randomBytes(24).toString('base64url')}`;

export function readDeskCredentials(dataDir: string): DeskCredential[] {
  const text = readSecretFile(fileOf(dataDir));
  return text ? (JSON.parse(text) as DeskCredential[]) : [];
}

function save(dataDir: string, creds: DeskCredential[]): void {
  writeSecretFile(fileOf(dataDir), `${JSON.stringify(creds, null, 2)}\n`);
}

/** First start: a random token for every union and chamber desk. */
export async function issueDeskCredentials(store: Store, dataDir: string): Promise<DeskCredential[]> {
  const creds = (await store.deskAgencies()).map((a) => ({
    agencyId: a.id,
    name: a.name,
    token: newToken(),
  }));
  await store.transaction(async () => {
    for (const c of creds) await store.setAgencyTokenHash(c.agencyId, sha256(c.token));
  });
  save(dataDir, creds);
  return creds;
}

/** A new token for one desk; the old one stops working at once. Undefined: no such desk. */
export async function rotateDeskCredential(
  store: Store,
  dataDir: string,
  agencyId: string,
): Promise<DeskCredential | undefined> {
  const agency = (await store.deskAgencies()).find((a) => a.id === agencyId);
  if (!agency) return undefined;
  const cred = { agencyId, name: agency.name, token: newToken() };
  await store.setAgencyTokenHash(agencyId, sha256(cred.token));
  save(dataDir, [...readDeskCredentials(dataDir).filter((c) => c.agencyId !== agencyId), cred]);
  return cred;
}
