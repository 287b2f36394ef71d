import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLruBuckets } from '../../../src/server/abuse/lru-buckets.ts';
import { createServer } from '../../../src/server/server.ts';
import {
  expectPersianError,
  FIRST_GLN,
  fileOverpricing,
  type Harness,
  OPEN_LIMITS,
  startServer,
} from '../harness.ts';

// Issue 11, point 4: writes were limited per address only, so one abuser behind a carrier's NAT
// (the normal case in Iran) locked out every reporter and clerk behind it; proxy headers were
// ignored; the limiter forgot everyone at 50,000 addresses; nothing survived a restart.

const complaint = { service_code: 'no_invoice', address_id: FIRST_GLN };
const asInstall = (token: string) => ({ 'X-Install-Token': token });

describe('one abuser behind a shared address', () => {
  let h: Harness;
  beforeAll(async () => {
    // Every test request comes from 127.0.0.1: one NAT address for all the "phones" below.
    h = await startServer({ limits: { install: { burst: 3, perSecond: 0.001 } } });
  });
  afterAll(() => h.stop());

  it('is limited by its install; the next phone on the same address files at once', async () => {
    const abuser = await h.install();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await h.post('/open311/v2/requests.json', complaint, asInstall(abuser))).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429]);
    const neighbour = await h.install();
    expect((await h.post('/open311/v2/requests.json', complaint, asInstall(neighbour))).status).toBe(201);
  });

  it('never slows a clerk with a valid credential, even once reporters used up the address', async () => {
    const nat = await startServer({ limits: { address: { burst: 4, perSecond: 0.001 } } });
    try {
      const filed = await fileOverpricing(nat);
      let status = 0;
      for (let i = 0; i < 10 && status !== 429; i++)
        status = (await nat.post('/open311/v2/requests.json', complaint, asInstall(await nat.install())))
          .status;
      expect(status).toBe(429); // the whole address is now held back
      const clerk = { Authorization: `Bearer ${nat.token('union-4711-tehran')}` };
      for (let i = 0; i < 10; i++) {
        const res = await nat.post(
          '/open311/v2/servicerequestupdates.json',
          { service_request_id: filed.service_request_id, action: 'reply', description: `پاسخ ${i}` },
          clerk,
        );
        expect(res.status).toBe(201);
      }
    } finally {
      await nat.stop();
    }
  });

  it('limits writes without an install token tightly per address, asking for a token included', async () => {
    const tight = await startServer({ limits: { anonymous: { burst: 2, perSecond: 0.001 } } });
    try {
      const ask = () => fetch(`${tight.url}/api/v1/installs`, { method: 'POST' });
      // The harness already asked once at start.
      expect((await ask()).status).toBe(201);
      await expectPersianError(await ask(), 429, 'rate-limited');
      // An install that has its token is not held up by that.
      expect((await tight.post('/open311/v2/requests.json', complaint)).status).toBe(201);
    } finally {
      await tight.stop();
    }
  });
});

describe('proxy headers', () => {
  const ask = (h: Harness, forwarded: Record<string, string>) =>
    fetch(`${h.url}/api/v1/installs`, { method: 'POST', headers: forwarded });

  it('are believed with TRUST_PROXY=1: each forwarded client has its own bucket', async () => {
    const h = await startServer({
      env: { TRUST_PROXY: '1' },
      limits: { anonymous: { burst: 1, perSecond: 0.001 } },
    });
    try {
      // The client's own (forged) entry sits left of what the trusted proxy appended: ignored.
      expect((await ask(h, { 'X-Forwarded-For': '1.1.1.1, 10.0.0.1' })).status).toBe(201);
      expect((await ask(h, { 'X-Forwarded-For': '2.2.2.2, 10.0.0.1' })).status).toBe(429);
      expect((await ask(h, { 'X-Forwarded-For': '10.0.0.2' })).status).toBe(201);
      expect((await ask(h, { Forwarded: 'for="[2001:db8:1:2::7]:443"' })).status).toBe(201);
      // Same /64: the same client.
      expect((await ask(h, { Forwarded: 'for="[2001:db8:1:2::8]"' })).status).toBe(429);
      // An IPv4 node with a port is the same client as without.
      expect((await ask(h, { Forwarded: 'for=192.0.2.1:4711' })).status).toBe(201);
      expect((await ask(h, { 'X-Forwarded-For': '192.0.2.1' })).status).toBe(429);
    } finally {
      await h.stop();
    }
  });

  it('are ignored without TRUST_PROXY: a client cannot pick its own key', async () => {
    const h = await startServer({ limits: { anonymous: { burst: 1, perSecond: 0.001 } } });
    try {
      // The harness's start-up request used the only token of 127.0.0.1.
      expect((await ask(h, { 'X-Forwarded-For': '3.3.3.3' })).status).toBe(429);
      expect((await ask(h, { 'X-Forwarded-For': '4.4.4.4' })).status).toBe(429);
    } finally {
      await h.stop();
    }
  });
});

describe('memory of the limiter', () => {
  it('is bounded and forgets the least recently seen, never a client it is limiting now', () => {
    let t = 0;
    const buckets = createLruBuckets({ burst: 2, perSecond: 0.0001 }, 1000, () => t);
    expect(buckets.take('abuser')).toBe(0);
    expect(buckets.take('abuser')).toBe(0);
    for (let i = 0; i < 60_000; i++) {
      t++;
      buckets.take(`fresh-${i}`);
      if (i % 500 === 0) expect(buckets.take('abuser')).toBeGreaterThan(0);
      expect(buckets.size).toBeLessThanOrEqual(1000);
    }
    expect(buckets.take('abuser')).toBeGreaterThan(0);
  });
});

describe('daily quotas', () => {
  it('survive a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kbf-restart-'));
    const limits = { ...OPEN_LIMITS, daily: { ...OPEN_LIMITS.daily, complaintsPerInstall: 2 } };
    const start = () => createServer({ dataDir, port: 0, seedPerCity: 20, limits });
    const file = (url: string, token: string) =>
      fetch(`${url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...asInstall(token) },
        body: JSON.stringify(complaint),
      });
    try {
      let server = await start();
      const token = (await (await fetch(`${server.url}/api/v1/installs`, { method: 'POST' })).json())
        .install_token;
      expect((await file(server.url, token)).status).toBe(201);
      expect((await file(server.url, token)).status).toBe(201);
      await server.close();
      server = await start();
      await expectPersianError(await file(server.url, token), 429, 'quota-exceeded');
      await server.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
