import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/api/client.ts';
import type { ApiError, LocationRecord } from '../../../src/api/index.ts';
import { KalaDb, useDb } from '../../../src/db/database.ts';
import { getPlace, putPlace } from '../../../src/db/places.ts';
import { loadPlace } from '../../../src/features/place/load-place.ts';
import { locationRecord, SHOP_GLN } from './location-fixture.ts';

// A scripted server: each call answers the next response and records the request.
function scripted(...answers: ((req: Request) => Response | Promise<Response>)[]) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(new URL(String(input), 'http://test.local'), init);
    requests.push(req);
    const next = answers.shift();
    if (!next) throw new Error(`unexpected request ${req.url}`);
    return next(req);
  };
  return { client: createApiClient({ fetch, timeoutMs: 50 }), requests };
}

const json = (record: LocationRecord, etag = '"v2"') =>
  new Response(JSON.stringify(record), {
    status: 200,
    headers: { 'Content-Type': 'application/json', ETag: etag },
  });
const apiError = (status: number, errors: ApiError) => () => new Response(JSON.stringify(errors), { status });
const offline = () => Promise.reject(new TypeError('Failed to fetch'));
const never = (req: Request) =>
  new Promise<Response>((_, reject) =>
    req.signal.addEventListener('abort', () => reject(new DOMException('', 'AbortError'))),
  );

let dbCount = 0;
beforeEach(() => {
  useDb(new KalaDb(`load-place-${++dbCount}`));
});

const OLD = Date.parse('2025-01-01T08:00:00Z');
const NOW = Date.parse('2025-01-01T11:00:00Z');
const now = () => NOW;

describe('loadPlace', () => {
  it('shows the fresh record and caches it with its ETag', async () => {
    const { client } = scripted(() => json(locationRecord()));
    const r = await loadPlace(SHOP_GLN, undefined, { client, now });
    expect(r).toMatchObject({ kind: 'loaded', fromCache: false, fetchedAt: NOW });
    expect(await getPlace(SHOP_GLN)).toMatchObject({ etag: '"v2"', fetchedAt: NOW });
  });

  it('revalidates with If-None-Match and, on 304, uses the cache and marks it fresh', async () => {
    await putPlace({
      key: SHOP_GLN,
      record: locationRecord({ name: 'نام ذخیره‌شده' }),
      etag: '"v1"',
      fetchedAt: OLD,
    });
    const { client, requests } = scripted(() => new Response(null, { status: 304 }));
    const r = await loadPlace(SHOP_GLN, undefined, { client, now });
    expect(requests[0]?.headers.get('if-none-match')).toBe('"v1"');
    expect(r).toMatchObject({
      kind: 'loaded',
      fromCache: false,
      fetchedAt: NOW,
      record: { name: 'نام ذخیره‌شده' },
    });
    expect((await getPlace(SHOP_GLN))?.fetchedAt).toBe(NOW);
  });

  it('falls back to the cached copy with its original age when the network is down', async () => {
    await putPlace({ key: SHOP_GLN, record: locationRecord(), etag: '"v1"', fetchedAt: OLD });
    const { client } = scripted(offline);
    const r = await loadPlace(SHOP_GLN, undefined, { client, now });
    expect(r).toMatchObject({
      kind: 'loaded',
      fromCache: true,
      fetchedAt: OLD,
      failure: { status: 'network-error' },
    });
  });

  it('falls back to the cache when the server is too slow', async () => {
    await putPlace({ key: SHOP_GLN, record: locationRecord(), fetchedAt: OLD });
    const { client } = scripted(never);
    const r = await loadPlace(SHOP_GLN, undefined, { client, now });
    expect(r).toMatchObject({ kind: 'loaded', fromCache: true, failure: { status: 'timeout' } });
  });

  it('falls back to the cache on a server error', async () => {
    await putPlace({ key: SHOP_GLN, record: locationRecord(), fetchedAt: OLD });
    const { client } = scripted(apiError(503, [{ code: 'internal', description: 'خطای سرور' }]));
    expect(await loadPlace(SHOP_GLN, undefined, { client, now })).toMatchObject({
      kind: 'loaded',
      fromCache: true,
    });
  });

  it('treats a 200 with the ETag it sent as a cached copy, not a fresh fetch', async () => {
    // What the service worker's network-first cache answers offline: the stored 200, headers and all.
    await putPlace({ key: SHOP_GLN, record: locationRecord(), etag: '"v1"', fetchedAt: OLD });
    const { client } = scripted(() => json(locationRecord(), '"v1"'));
    const r = await loadPlace(SHOP_GLN, undefined, { client, now });
    expect(r).toMatchObject({ kind: 'loaded', fromCache: true, fetchedAt: OLD });
    expect((await getPlace(SHOP_GLN))?.fetchedAt).toBe(OLD);
  });

  it('fails with network-error when offline with nothing cached', async () => {
    const { client } = scripted(offline);
    expect(await loadPlace(SHOP_GLN, undefined, { client, now })).toMatchObject({
      kind: 'failed',
      failure: { status: 'network-error' },
    });
  });

  it('lets a 404 win over an old cached copy: the registry has withdrawn the GLN', async () => {
    await putPlace({ key: SHOP_GLN, record: locationRecord(), fetchedAt: OLD });
    const { client } = scripted(apiError(404, [{ code: 'not-found', description: 'پیدا نشد' }]));
    expect(await loadPlace(SHOP_GLN, undefined, { client, now })).toMatchObject({
      kind: 'failed',
      failure: { status: 'not-found' },
    });
  });

  it('takes the answer the shell already asked for, asks nothing more, and saves it after', async () => {
    const early = scripted(() => json(locationRecord({ name: 'پاسخ زودهنگام' }), '"v3"'));
    const inFlight = early.client.getLocation(SHOP_GLN, undefined, { fresh: true });
    const { client, requests } = scripted();
    const asked: string[] = [];
    const r = await loadPlace(SHOP_GLN, undefined, {
      client,
      now,
      early: (gln) => {
        asked.push(gln);
        return asked.length === 1 ? inFlight : undefined;
      },
    });
    expect(r).toMatchObject({
      kind: 'loaded',
      fromCache: false,
      fetchedAt: NOW,
      record: { name: 'پاسخ زودهنگام' },
    });
    expect(requests).toHaveLength(0);
    // Bypassing the HTTP cache is what makes an answer without our validator a fresh one.
    expect(early.requests[0]?.cache).toBe('no-cache');
    await expect.poll(() => getPlace(SHOP_GLN)).toMatchObject({ etag: '"v3"', fetchedAt: NOW });
  });

  it('keeps the early answer out of IndexedDB until the page has shown it', async () => {
    const early = scripted(() => json(locationRecord({ name: 'پاسخ زودهنگام' }), '"v4"'));
    const inFlight = early.client.getLocation(SHOP_GLN, undefined, { fresh: true });
    let shown!: () => void;
    const saveEarlyAfter = new Promise<void>((resolve) => {
      shown = resolve;
    });
    const r = await loadPlace(SHOP_GLN, undefined, {
      client: scripted().client,
      now,
      early: () => inFlight,
      saveEarlyAfter,
    });
    expect(r).toMatchObject({ kind: 'loaded', record: { name: 'پاسخ زودهنگام' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await getPlace(SHOP_GLN)).toBeUndefined();
    shown();
    await expect.poll(() => getPlace(SHOP_GLN)).toMatchObject({ etag: '"v4"', fetchedAt: NOW });
  });

  it('weighs a failed early answer against the saved copy without asking the network again', async () => {
    await putPlace({ key: SHOP_GLN, record: locationRecord(), etag: '"v1"', fetchedAt: OLD });
    const early = scripted(offline);
    const inFlight = early.client.getLocation(SHOP_GLN, undefined, { fresh: true });
    const { client, requests } = scripted();
    const r = await loadPlace(SHOP_GLN, undefined, { client, now, early: () => inFlight });
    expect(r).toMatchObject({
      kind: 'loaded',
      fromCache: true,
      fetchedAt: OLD,
      failure: { status: 'network-error' },
    });
    expect(requests).toHaveLength(0);
  });

  it('asks again without a validator when a 304 arrives but the cache is gone', async () => {
    const { client, requests } = scripted(
      () => new Response(null, { status: 304 }),
      () => json(locationRecord()),
    );
    const r = await loadPlace(SHOP_GLN, undefined, { client, now });
    expect(r).toMatchObject({ kind: 'loaded', fromCache: false });
    expect(requests).toHaveLength(2);
    expect(requests[1]?.headers.get('if-none-match')).toBeNull();
  });

  it('shows the sub-location when the extension is known', async () => {
    const sub = { ext: 'A1', name: 'ورودی شمالی', floor: 'همکف', unit: '1' };
    const { client, requests } = scripted(() => json(locationRecord({ subLocation: sub })));
    const r = await loadPlace(SHOP_GLN, 'A1', { client, now });
    expect(requests[0]?.url).toMatch(/\/api\/v1\/locations\/6260000000019\/A1$/);
    expect(r).toMatchObject({ kind: 'loaded', extFellBack: false, record: { subLocation: sub } });
    expect(await getPlace(`${SHOP_GLN}/A1`)).toBeDefined();
  });

  it('falls back to the main location when the service answers an unknown extension without it', async () => {
    const { client } = scripted(() => json(locationRecord()));
    expect(await loadPlace(SHOP_GLN, 'ZZ', { client, now })).toMatchObject({
      kind: 'loaded',
      extFellBack: true,
    });
  });

  it('falls back to the main location when the service answers 404 for the extension', async () => {
    const { client, requests } = scripted(
      apiError(404, [{ code: 'not-found', description: 'بخش پیدا نشد' }]),
      () => json(locationRecord()),
    );
    const r = await loadPlace(SHOP_GLN, 'ZZ', { client, now });
    expect(r).toMatchObject({ kind: 'loaded', extFellBack: true });
    expect(requests[1]?.url).toMatch(/\/api\/v1\/locations\/6260000000019$/);
  });
});
