import { createECDH, type ECDH, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decrypt } from 'http_ece';

// A stand-in for a browser vendor's push service (RFC 8030), on 127.0.0.1 over plain http: it
// records every push message the service sends and answers each path as the test says. And a
// subscriber as a browser would be one: a P-256 key pair and an auth secret of its own (RFC 8291
// §3.2), so the test can decrypt what arrives with a maintained library and prove it is real.

export type Received = { path: string; headers: IncomingHttpHeaders; body: Buffer };

export type PushService = {
  url: string;
  received: Received[];
  /** The answer for a path (default 201 Created, RFC 8030 §5); `hang` holds it until `release`. */
  answer(path: string, status: number | 'hang'): void;
  /** Answers 201 to every held request to `path`, and stops holding. */
  release(path: string): void;
  /** Resolves with the next message to `path` (or one already waiting that no one took yet). */
  next(path: string): Promise<Received>;
  close(): Promise<void>;
};

export async function startPushService(): Promise<PushService> {
  const received: Received[] = [];
  const taken = new Set<Received>();
  const answers = new Map<string, number | 'hang'>();
  const waiting: { path: string; resolve: (r: Received) => void }[] = [];
  const held: { path: string; res: ServerResponse }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      received.push(r);
      const w = waiting.findIndex((x) => x.path === r.path);
      if (w >= 0) {
        taken.add(r);
        waiting.splice(w, 1)[0]!.resolve(r);
      }
      const status = answers.get(r.path) ?? 201;
      if (status === 'hang') return void held.push({ path: r.path, res });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answer: (path, status) => void answers.set(path, status),
    release(path) {
      answers.delete(path);
      for (const h of held.filter((x) => x.path === path)) h.res.writeHead(201).end();
    },
    next(path) {
      const ready = received.find((r) => r.path === path && !taken.has(r));
      if (ready) {
        taken.add(ready);
        return Promise.resolve(ready);
      }
      return new Promise((resolve) => waiting.push({ path, resolve }));
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export type Subscriber = {
  ecdh: ECDH;
  auth: Buffer;
  /** As PushSubscription.toJSON() gives it. */
  json(endpoint: string): { endpoint: string; keys: { p256dh: string; auth: string } };
  /** The plaintext of one aes128gcm message (RFC 8291 §4). */
  open(body: Buffer): string;
};

export function newSubscriber(): Subscriber {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    ecdh,
    auth,
    json: (endpoint) => ({
      endpoint,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
    }),
    open: (body) =>
      decrypt(body, { version: 'aes128gcm', privateKey: ecdh, authSecret: auth }).toString('utf8'),
  };
}
