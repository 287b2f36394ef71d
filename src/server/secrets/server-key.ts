import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSecretFile, secretsDir, writeSecretFile } from './secret-files.ts';

// The key that signs install tokens. Taken from SERVER_KEY (or the file SERVER_KEY_FILE names,
// for container secrets) when the operator gives one, so several instances share it; otherwise
// drawn at random on first start and kept in DATA_DIR. Never derived from anything in the source.

const MIN_BYTES = 32;

export function loadServerKey(dataDir: string, env: NodeJS.ProcessEnv = {}): Buffer {
  const given =
    env.SERVER_KEY ?? (env.SERVER_KEY_FILE ? readFileSync(env.SERVER_KEY_FILE, 'utf8') : undefined);
  if (given !== undefined) {
    const key = Buffer.from(given.trim(), 'utf8');
    if (key.length < MIN_BYTES)
      throw new Error(`SERVER_KEY must be at least ${MIN_BYTES} bytes of random text`);
    return key;
  }
  const file = join(secretsDir(dataDir), 'server.key');
  const kept = readSecretFile(file)?.trim();
  if (kept && kept.length >= MIN_BYTES) return Buffer.from(kept, 'utf8');
  const fresh = randomBytes(MIN_BYTES).toString('base64url');
  writeSecretFile(file, `${fresh}\n`);
  return Buffer.from(fresh, 'utf8');
}

/** A new random server key: every install token signed with the old one stops working. */
export function rotateServerKey(dataDir: string): void {
  writeSecretFile(
    join(secretsDir(dataDir), 'server.key'),
    `${randomBytes(MIN_BYTES).toString('base64url')}\n`,
  );
}
