import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { sha256 } from '../complaints/auth.ts';
import type { Store } from '../store/types.ts';
import { fail, MESSAGES } from './errors.ts';

// Idempotency-Key: the first answer to a key is stored with a hash of its request; a repeat
// gets that same answer and nothing new is filed; the key reused for another body is a 422.
// The first answer to a new complaint carries the reporter's access token, which the database
// otherwise holds only as a hash; so the answer is stored encrypted under a key derived from the
// Idempotency-Key, and the Idempotency-Key itself only as a hash. Only a caller who has the key
// (the reporter's phone, retrying) can read the answer back.

function sealKey(key: string): Buffer {
  return createHash('sha256').update(`seal:${key}`).digest();
}

function seal(key: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(key), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64')).join('.');
}

function unseal(key: string, sealed: string): string {
  const [iv, tag, data] = sealed.split('.').map((p) => Buffer.from(p, 'base64')) as [Buffer, Buffer, Buffer];
  const decipher = createDecipheriv('aes-256-gcm', sealKey(key), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}

export type Answer = { status: ContentfulStatusCode; body: unknown };

/** Key order must not matter: two serialisations of one complaint are the same request. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  return v;
}

export async function idempotent(
  c: Context,
  store: Store,
  scope: string,
  input: unknown,
  now: Date,
  produce: () => Promise<Answer>,
  /** A key the request carries in its body (FixMyStreet's `update_id`), used when no header is sent. */
  bodyKey?: string,
): Promise<Response> {
  const raw = c.req.header('idempotency-key') ?? bodyKey;
  if (raw !== undefined && !/^[\x21-\x7e]{1,200}$/.test(raw))
    return fail(c, 400, 'bad-request', MESSAGES.badIdempotencyKey);
  if (raw === undefined) {
    const a = await produce();
    return c.json(a.body, a.status);
  }
  const key = `${scope}:${raw}`;
  const storedKey = sha256(key);
  const bodyHash = sha256(JSON.stringify(canonical(input)));
  // Check, file and remember in one transaction: two racing retries cannot both file.
  const answer = await store.transaction(async (): Promise<Answer | 'mismatch'> => {
    const prior = await store.idempotent(storedKey);
    if (prior)
      return prior.bodyHash === bodyHash
        ? { status: prior.status as ContentfulStatusCode, body: JSON.parse(unseal(key, prior.response)) }
        : 'mismatch';
    const a = await produce();
    // Only successes are remembered; a rejected request may be corrected and sent again.
    if (a.status < 300)
      await store.saveIdempotent(
        storedKey,
        { bodyHash, status: a.status, response: seal(key, JSON.stringify(a.body)) },
        now.toISOString(),
      );
    return a;
  });
  if (answer === 'mismatch') return fail(c, 422, 'idempotency-mismatch', MESSAGES.idempotencyMismatch);
  c.header('Idempotency-Key', raw);
  return c.json(answer.body, answer.status);
}
