import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/api/client.ts';

// A peer that sends its headers and then goes silent is ordinary on mobile networks. A real HTTP
// server on 127.0.0.1 does exactly that here: the client's deadline must cover the body too.

let server: Server;
let base: string;
const open = new Set<ServerResponse>();

function stall(res: ServerResponse, status: number, partial: string) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.write(partial); // ...and never `end()`
  open.add(res);
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/api/v1/locations/')) return stall(res, 200, '{"gln":"626');
    if (req.url === '/open311/v2/services.json') return stall(res, 200, '[');
    if (req.url === '/open311/v2/requests.json') return stall(res, 503, '[{"code":');
    if (req.url === '/api/v1/complaint-counts/6260000000019') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end('{"gln":"6260000000019","open":0,"byCategory":[]}');
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of open) res.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await work;
  return { value, ms: performance.now() - t0 };
}

describe('one deadline for the whole exchange, headers and body', () => {
  it('a lookup whose body stalls after the headers becomes a timeout', async () => {
    const api = createApiClient({ baseUrl: base, timeoutMs: 300 });
    const { value, ms } = await timed(api.getLocation('6260000000019'));
    expect(value.status).toBe('timeout');
    expect(ms).toBeLessThan(3000);
  });

  it('so does a JSON read and a refusal whose error body never ends', async () => {
    const api = createApiClient({ baseUrl: base, timeoutMs: 300 });
    expect((await api.services()).status).toBe('timeout');
    const created = await api.createRequest({ service_code: 'overpricing' }, 'k1');
    expect(created.status).toBe('timeout');
  });

  it("each call has its own deadline: a lookup's is short, and a caller may set another", async () => {
    const api = createApiClient({ baseUrl: base });
    const { value, ms } = await timed(api.services({ timeoutMs: 200 }));
    expect(value.status).toBe('timeout');
    expect(ms).toBeLessThan(3000);
    // A whole answer in time is unaffected.
    const counts = await api.complaintCounts('6260000000019');
    expect(counts.status).toBe('ok');
  });

  it("a caller's abort ends a stalled body at once, as a network failure", async () => {
    const api = createApiClient({ baseUrl: base, timeoutMs: 10_000 });
    const controller = new AbortController();
    const pending = timed(api.services({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    const { value, ms } = await pending;
    expect(value.status).toBe('network-error');
    expect(ms).toBeLessThan(3000);
  });
});
