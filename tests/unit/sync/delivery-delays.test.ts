import 'fake-indexeddb/auto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useApi } from '../../../src/api/app-client.ts';
import { createApiClient } from '../../../src/api/client.ts';
import type { ServiceRequestInput } from '../../../src/api/index.ts';
import { getComplaint } from '../../../src/db/complaints.ts';
import { KalaDb, useDb } from '../../../src/db/database.ts';
import { getEntry, queueSubmission, wakeWaiting } from '../../../src/db/outbox.ts';
import { flushOutbox } from '../../../src/sync/flush.ts';
import { withExclusiveLock } from '../../../src/sync/lock.ts';
import { syncOutbox } from '../../../src/sync/sw-sync.ts';
import { created, draftComplaint, GLN } from './fixtures.ts';

// The two delivery delays seen under chaos, each reproduced against a real HTTP server on
// 127.0.0.1: (1) one answer that stalls after its headers froze the whole outbox; (2) after an
// outage the waiting complaints left minutes after the network came back.

let server: Server;
let base: string;
/** Idempotency keys whose answer stalls after the headers; the rest are acknowledged. */
const stallFor = new Set<string>();
let reachable = true;
const received: string[] = [];
const stalled = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!reachable) return req.socket.destroy();
    const key = String(req.headers['idempotency-key']);
    req.resume();
    req.on('end', () => {
      if (stallFor.has(key)) {
        res.writeHead(201, { 'Content-Type': 'application/json' });
        res.write('[{"service_request_id":');
        stalled.add(res);
        return;
      }
      received.push(key);
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify([{ ...created, service_request_id: `KBF-${key}` }]));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of stalled) res.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

let n = 0;
beforeEach(() => {
  useDb(new KalaDb(`delays-${++n}`));
  stallFor.clear();
  received.length = 0;
  reachable = true;
});

const input: ServiceRequestInput = { service_code: 'overpricing', address_id: GLN, description: 'قیمت بالا' };
async function queue(id: string, at: number) {
  await queueSubmission(draftComplaint(id, { status: 'queued' }), {
    id,
    kind: 'create',
    payload: { complaintId: id, input, photos: [] },
    attempts: 0,
    nextAttemptAt: at,
    createdAt: at,
  });
}

/** `navigator.onLine` as the browser reports it during the test. */
function setOnline(onLine: boolean) {
  Object.defineProperty(globalThis, 'navigator', { value: { onLine }, configurable: true });
}
const realNavigator = globalThis.navigator;
afterEach(() => Object.defineProperty(globalThis, 'navigator', { value: realNavigator, configurable: true }));

describe('a stalled answer does not freeze the outbox', () => {
  it('times out, and the rest of the outbox still goes in the same flush', async () => {
    const client = createApiClient({ baseUrl: base, timeoutMs: 300 });
    stallFor.add('stuck');
    await queue('stuck', 1);
    await queue('next', 2);
    const report = await flushOutbox({ client, random: () => 0.5 });
    expect(report).toMatchObject({ sent: 1, retrying: 1, skipped: false });
    expect(received).toEqual(['next']);
    expect((await getComplaint('next'))?.status).toBe('open');
    const stuck = await getEntry('stuck');
    expect(stuck?.lastFailure).toBe('timeout');
    expect((await getComplaint('stuck'))?.status).toBe('queued');
  });

  it('the next flush is not locked out, and sends the stalled one once its peer answers', async () => {
    const client = createApiClient({ baseUrl: base, timeoutMs: 300 });
    stallFor.add('stuck');
    await queue('stuck', 1);
    expect((await flushOutbox({ client })).retrying).toBe(1);
    stallFor.clear();
    await wakeWaiting(Date.now());
    const again = await flushOutbox({ client });
    expect(again).toMatchObject({ sent: 1, skipped: false });
    expect(received).toEqual(['stuck']);
  });

  it('a holder that never finishes loses its lease, and the outbox is free again', async () => {
    let sawAbort = false;
    const held = withExclusiveLock(
      'outbox',
      (lease) =>
        new Promise<string>(() => {
          lease.signal.addEventListener('abort', () => {
            sawAbort = true;
          });
        }),
      100,
    );
    expect(await withExclusiveLock('outbox', async () => 'meanwhile')).toBeUndefined();
    expect(await held).toBeUndefined();
    expect(sawAbort).toBe(true);
    expect(await withExclusiveLock('outbox', async () => 'after')).toBe('after');
  });
});

describe('coming back online sends what waits', () => {
  it('tries made with no network do not climb the backoff, and reconnection sends at once', async () => {
    const client = createApiClient({ baseUrl: base, timeoutMs: 300 });
    let now = 1_000_000;
    await queue('a', now);
    await queue('b', now);
    await queue('c', now);
    // A four-minute outage: the phone knows it is offline; every trigger's try fails.
    reachable = false;
    setOnline(false);
    for (let minute = 0; minute < 4; minute++) {
      await wakeWaiting(now);
      await flushOutbox({ client, now: () => now, random: () => 0.5 });
      now += 60_000;
    }
    // The first is tried at each trigger; the rest wait for the network rather than fail the same way.
    expect((await getEntry('a'))?.lastFailure).toBe('offline');
    for (const id of ['a', 'b', 'c']) {
      expect((await getEntry(id))?.attempts, `${id}: offline tries are not attempts`).toBe(0);
    }
    // The network is back: `online` wakes the outbox and one flush sends all three.
    reachable = true;
    setOnline(true);
    await wakeWaiting(now, { resetBackoff: true });
    const report = await flushOutbox({ client, now: () => now });
    expect(report.sent).toBe(3);
    expect(received.sort()).toEqual(['a', 'b', 'c']);
  });

  it('after failures the phone believed were online, reconnection still sends now, backoff reset', async () => {
    const client = createApiClient({ baseUrl: base, timeoutMs: 300 });
    let now = 1_000_000;
    await queue('d', now);
    reachable = false;
    setOnline(true); // lie-fi: the browser thinks it is online
    for (let i = 0; i < 6; i++) {
      await flushOutbox({ client, now: () => now, random: () => 0.5 });
      now = (await getEntry('d'))!.nextAttemptAt;
    }
    const climbed = (await getEntry('d'))!;
    expect(climbed.attempts).toBe(6);
    now = climbed.nextAttemptAt - 60_000; // well before the next scheduled try
    reachable = true;
    await wakeWaiting(now, { resetBackoff: true });
    expect((await getEntry('d'))?.attempts).toBe(0);
    expect((await flushOutbox({ client, now: () => now })).sent).toBe(1);
  });

  it('a pause the service asked for (Retry-After) is respected by a wake-up', async () => {
    await queue('e', 10);
    const { scheduleRetry } = await import('../../../src/db/outbox.ts');
    await scheduleRetry('e', {
      nextAt: 100_000,
      lastError: '',
      lastFailure: 'server',
      counts: true,
      notBefore: 100_000,
    });
    await wakeWaiting(50_000, { resetBackoff: true });
    expect((await getEntry('e'))?.nextAttemptAt).toBe(100_000);
  });
});

describe('Background Sync', () => {
  it('sends at once what waited for a network, not what backs off from a failing service', async () => {
    useApi(createApiClient({ baseUrl: base, timeoutMs: 300 }));
    try {
      const now = Date.now();
      await queue('no-net', now);
      await queue('failing', now);
      const { scheduleRetry } = await import('../../../src/db/outbox.ts');
      const later = now + 10 * 60_000;
      await scheduleRetry('no-net', { nextAt: later, lastError: '', lastFailure: 'offline', counts: false });
      await scheduleRetry('failing', { nextAt: later, lastError: '', lastFailure: 'server', counts: true });
      await expect(syncOutbox()).rejects.toThrow(/1 still waiting/);
      expect(received).toEqual(['no-net']);
      expect((await getEntry('failing'))?.nextAttemptAt).toBe(later);
    } finally {
      useApi(undefined);
    }
  });
});

describe('Background Sync reports success only when nothing waits', () => {
  it('rejects while an entry still waits, and while another context holds the outbox', async () => {
    useApi(createApiClient({ baseUrl: base, timeoutMs: 300 }));
    try {
      stallFor.add('w');
      await queue('w', 1);
      await expect(syncOutbox()).rejects.toThrow(/still waiting/);
      stallFor.clear();
      let release!: () => void;
      const held = withExclusiveLock('outbox', () => new Promise<void>((r) => (release = r)));
      await expect(syncOutbox()).rejects.toThrow(/held elsewhere/);
      release();
      await held;
      await wakeWaiting(Date.now()); // the page comes to the front: what waits is due
      await expect(syncOutbox()).resolves.toBeUndefined();
      expect(received).toEqual(['w']);
    } finally {
      useApi(undefined);
    }
  });
});
