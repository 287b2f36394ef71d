import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

// Passwords through scrypt, Node's memory-hard KDF (RFC 7914). The stored form carries the
// parameters it was made with, `scrypt$N$r$p$salt$hash`, so raising the cost later leaves every
// existing password verifiable. The default N = 2^16, r = 8, p = 1 takes 64 MiB and about a fifth
// of a second of one core per guess: unnoticed at sign-in (which is throttled), ruinous for
// anyone guessing through a stolen copy of the table. DESK_SCRYPT_LOG2_N raises N (the test
// harness lowers it, as every test server makes a handful of accounts); never below 2^12.

const DEFAULT_LOG2_N = 16;
const MIN_LOG2_N = 12;

/** The cost new hashes are made with: N from DESK_SCRYPT_LOG2_N (read at each use), r and p fixed. */
export function scryptParams(env: NodeJS.ProcessEnv = process.env): { N: number; r: number; p: number } {
  const asked = Number(env.DESK_SCRYPT_LOG2_N);
  const log2 = Number.isInteger(asked) && asked >= MIN_LOG2_N && asked <= 20 ? asked : DEFAULT_LOG2_N;
  return { N: 2 ** log2, r: 8, p: 1 };
}
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  // Node refuses anything above 32 MiB unless told; 128 * N * r is what scrypt needs.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const params = scryptParams();
  const { N, r, p } = params;
  const key = await derive(password, salt, params);
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([\w-]+)\$([\w-]+)$/;

/** True when `password` made `stored`; false for any other password or a stored form it cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = FORMAT.exec(stored);
  if (!m) return false;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // A stored form is ours, but refuse costs that would stall the service if one were tampered with.
  if (N > 2 ** 20 || r > 32 || p > 16) return false;
  const expected = Buffer.from(m[5]!, 'base64url');
  const key = await derive(password, Buffer.from(m[4]!, 'base64url'), { N, r, p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A sign-in with an unknown username still costs one derivation, so timing tells nothing. */
let dummy: Promise<string> | undefined;
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(12).toString('base64url'));
  await verifyPassword(password, await dummy);
  return false;
}

/**
 * A new password: 15 characters from an alphabet without look-alikes (no 0/O, 1/l/I), about
 * 84 bits, typed by a person once and then changed or kept in a password manager.
 */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newPassword(length = 15): string {
  let out = '';
  while (out.length < length) {
    // Rejection sampling: bytes past the last whole multiple of the alphabet would bias it.
    for (const b of randomBytes(length * 2)) {
      if (b < 256 - (256 % ALPHABET.length) && out.length < length) out += ALPHABET[b % ALPHABET.length];
    }
  }
  return out;
}
