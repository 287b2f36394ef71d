import { join } from 'node:path';
import webpush from 'web-push';
import { readSecretFile, secretsDir, writeSecretFile } from '../secrets/secret-files.ts';
import type { Store } from '../store/types.ts';

// The VAPID key pair (RFC 8292) that signs every push request, so push services know the
// messages come from the service the browser subscribed with. Drawn at random (by web-push) on
// first start and kept: on SQLite in DATA_DIR/secrets/vapid.json (0600); on PostgreSQL in the
// database (service_secrets), so every instance signs with the same key; VAPID_PUBLIC_KEY and
// VAPID_PRIVATE_KEY give one instead. Changing it orphans every browser's subscription.

export type VapidKeys = { publicKey: string; privateKey: string };

const FILE = 'vapid.json';
const isKeys = (v: unknown): v is VapidKeys =>
  !!v && typeof (v as VapidKeys).publicKey === 'string' && typeof (v as VapidKeys).privateKey === 'string';

export async function loadVapidKeys(
  where: { dataDir: string; shared: boolean },
  store: Store,
  env: NodeJS.ProcessEnv = {},
): Promise<VapidKeys> {
  if (env.VAPID_PUBLIC_KEY || env.VAPID_PRIVATE_KEY) {
    if (!env.VAPID_PUBLIC_KEY || !env.VAPID_PRIVATE_KEY)
      throw new Error(
        'VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together (npx web-push generate-vapid-keys)',
      );
    return { publicKey: env.VAPID_PUBLIC_KEY.trim(), privateKey: env.VAPID_PRIVATE_KEY.trim() };
  }
  if (where.shared) {
    // Instances starting together each draw a pair; the first one stored is everyone's.
    const kept = await store.sharedSecret('vapid', JSON.stringify(webpush.generateVAPIDKeys()));
    const keys: unknown = JSON.parse(kept);
    if (!isKeys(keys)) throw new Error('the stored VAPID keys are damaged');
    return keys;
  }
  const file = join(secretsDir(where.dataDir), FILE);
  const kept = readSecretFile(file);
  if (kept) {
    const keys: unknown = JSON.parse(kept);
    if (isKeys(keys)) return keys;
  }
  const fresh = webpush.generateVAPIDKeys();
  writeSecretFile(file, `${JSON.stringify(fresh)}\n`);
  return fresh;
}
