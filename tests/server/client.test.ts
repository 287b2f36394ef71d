import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/api/client.ts';
import { createDevMiddleware } from '../../src/server/dev.ts';
import { FIRST_GLN, type Harness, startServer } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h.stop());

describe("the app's typed client against the real service", () => {
  it('gets a record with its ETag, then not-modified when revalidating with it', async () => {
    const api = createApiClient({ baseUrl: h.url });
    const first = await api.getLocation(FIRST_GLN);
    expect(first.status).toBe('ok');
    if (first.status !== 'ok') return;
    expect(first.record.name).toBe('سوپرمارکت آفتاب');
    expect((await api.getLocation(FIRST_GLN, undefined, { etag: first.etag })).status).toBe('not-modified');
  });

  it('turns 404 and 400 into typed results with Persian errors', async () => {
    const api = createApiClient({ baseUrl: h.url });
    const missing = await api.getLocation('9520123456788');
    expect(missing.status).toBe('not-found');
    const bad = await api.getLocation('6260000000010');
    expect(bad.status === 'bad-request' && bad.errors[0]!.code).toBe('bad-check-digit');
  });

  it('files a complaint, reads it back with its token and posts a follow-up', async () => {
    const api = createApiClient({ baseUrl: h.url, installs: true });
    const created = await api.createRequest(
      { service_code: 'no_invoice', address_id: FIRST_GLN },
      'client-key-1',
    );
    expect(created.status).toBe('ok');
    if (created.status !== 'ok') return;
    const { service_request_id: id, access_token: token } = created.data;
    const read = await api.getRequest(id, token);
    expect(read.status === 'ok' && read.data.substatus).toBe('received');
    const upd = await api.postUpdate(
      { service_request_id: id, action: 'follow_up', description: 'پیگیری' },
      token,
    );
    expect(upd.status === 'ok' && upd.data.request.notes.at(-1)!.type).toBe('follow_up');
    expect((await api.services()).status).toBe('ok');
  });

  it('asks for an install token once, sends it on writes, and without one a write is refused', async () => {
    const asked: string[] = [];
    const counting: typeof fetch = (input, init) => {
      const url = String(input);
      if (url.endsWith('/api/v1/installs')) asked.push(url);
      return fetch(input, init);
    };
    const api = createApiClient({ baseUrl: h.url, installs: true, fetch: counting });
    for (const key of ['client-key-2', 'client-key-3'])
      expect(
        (await api.createRequest({ service_code: 'no_invoice', address_id: FIRST_GLN }, key)).status,
      ).toBe('ok');
    expect(asked).toHaveLength(1);
    const bare = createApiClient({ baseUrl: h.url });
    const refused = await bare.createRequest(
      { service_code: 'no_invoice', address_id: FIRST_GLN },
      'client-key-4',
    );
    expect(refused.status === 'unauthorized' && refused.errors[0]!.code).toBe('install-required');
  });

  it('reports a retryable failure, not a refused write, when the service will not issue a token yet', async () => {
    const tight = await startServer({ limits: { anonymous: { burst: 1, perSecond: 0.001 } } });
    try {
      // The harness took the address's only token-request at start.
      const api = createApiClient({ baseUrl: tight.url, installs: true });
      const r = await api.createRequest(
        { service_code: 'no_invoice', address_id: FIRST_GLN },
        'client-key-6',
      );
      expect(r.status).toBe('rate-limited');
      expect(r.status !== 'ok' && r.retryAfter).toBeGreaterThan(0);
    } finally {
      await tight.stop();
    }
  });

  it('renews a token the service no longer accepts, once, and the write goes through', async () => {
    let forged = true;
    const forging: typeof fetch = async (input, init) => {
      if (forged && String(input).endsWith('/api/v1/installs')) {
        forged = false;
        return Response.json(
          { install_id: 'x', install_token: 'AAAAAAAAAAAAAAAAAAAAAA.bm90LXNpZ25lZA' },
          { status: 201 },
        );
      }
      return fetch(input, init);
    };
    const api = createApiClient({ baseUrl: h.url, installs: true, fetch: forging });
    const r = await api.createRequest({ service_code: 'no_invoice', address_id: FIRST_GLN }, 'client-key-5');
    expect(r.status).toBe('ok');
  });

  it('reports a dead network and a timeout as values, never throwing', async () => {
    const dead = createApiClient({ baseUrl: 'http://127.0.0.1:1' });
    expect((await dead.services()).status).toBe('network-error');
    const slow = createHttpServer(() => {}).listen(0, '127.0.0.1');
    await new Promise((r) => slow.once('listening', r));
    try {
      const api = createApiClient({
        baseUrl: `http://127.0.0.1:${(slow.address() as AddressInfo).port}`,
        timeoutMs: 100,
      });
      const r = await api.getLocation(FIRST_GLN);
      expect(r.status).toBe('timeout');
    } finally {
      slow.closeAllConnections();
      slow.close();
    }
  });
});

describe('the dev middleware', () => {
  it('answers service paths itself and passes app paths on to Vite', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'kbf-dev-'));
    const mw = await createDevMiddleware();
    delete process.env.DATA_DIR;
    const server = createHttpServer((req, res) => mw(req, res, () => res.writeHead(299).end('vite')));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${base}/414/${FIRST_GLN}`, { redirect: 'manual' })).status).toBe(307);
      expect((await fetch(`${base}/place/${FIRST_GLN}`)).status).toBe(299);
      expect((await fetch(`${base}/src/main.tsx`)).status).toBe(299);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
