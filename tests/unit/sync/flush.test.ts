import 'fake-indexeddb/auto';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/api/client.ts';
import type { ApiError, ServiceRequestCreated, ServiceRequestInput } from '../../../src/api/index.ts';
import { getComplaint, putComplaint } from '../../../src/db/complaints.ts';
import { KalaDb, useDb } from '../../../src/db/database.ts';
import { getEntry, NEVER, queueSubmission } from '../../../src/db/outbox.ts';
import { flushOutbox } from '../../../src/sync/flush.ts';
import { BASE, created, draftComplaint, GLN, remote, uploaded } from './fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let n = 0;
beforeEach(() => useDb(new KalaDb(`flush-${++n}`)));

const client = createApiClient({ baseUrl: BASE, timeoutMs: 200 });
const NOW = 1_000_000;
const deps = { client, now: () => NOW, random: () => 0.5 };
const input: ServiceRequestInput = { service_code: 'overpricing', address_id: GLN, description: 'قیمت بالا' };

async function queue(id: string, photos: Blob[] = []) {
  const c = draftComplaint(id, { status: 'queued' });
  await queueSubmission(c, {
    id,
    kind: 'create',
    payload: { complaintId: id, input, photos },
    attempts: 0,
    nextAttemptAt: NOW,
    createdAt: NOW,
  });
}

const created201 = () => HttpResponse.json<ServiceRequestCreated[]>([created], { status: 201 });

describe('outbox flush', () => {
  it('removes an entry once the service acknowledged it, and records the tracking details', async () => {
    server.use(http.post(`${BASE}/open311/v2/requests.json`, created201));
    await queue('c1');
    const report = await flushOutbox(deps);
    expect(report).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
    expect(await getEntry('c1')).toBeUndefined();
    const c = await getComplaint('c1');
    expect(c?.status).toBe('open');
    expect(c?.serverId).toBe('KBF-1001');
    expect(c?.token).toBe('secret-token');
    expect(c?.data.agency).toBe(created.agency_responsible);
    expect(c?.data.draft).toBeUndefined();
  });

  it('keeps an entry after a 5xx and schedules the next attempt with backoff', async () => {
    server.use(
      http.post(`${BASE}/open311/v2/requests.json`, () =>
        HttpResponse.json([{ code: 'internal', description: 'خطای داخلی' }], { status: 503 }),
      ),
    );
    await queue('c2');
    const report = await flushOutbox(deps);
    expect(report.retrying).toBe(1);
    const e = await getEntry('c2');
    expect(e?.attempts).toBe(1);
    expect(e?.nextAttemptAt).toBe(NOW + 3750);
    expect(e?.lastError).toBe('خطای داخلی');
    expect((await getComplaint('c2'))?.status).toBe('queued');
  });

  it('retries after a network error or a timeout', async () => {
    server.use(http.post(`${BASE}/open311/v2/requests.json`, () => HttpResponse.error()));
    await queue('c3');
    expect((await flushOutbox(deps)).retrying).toBe(1);
    server.use(
      http.post(`${BASE}/open311/v2/requests.json`, async () => {
        await new Promise((r) => setTimeout(r, 400));
        return created201();
      }),
    );
    expect((await flushOutbox({ ...deps, now: () => NOW + 10_000 })).retrying).toBe(1);
    expect((await getEntry('c3'))?.attempts).toBe(2);
  });

  it('is not due again before its scheduled time', async () => {
    server.use(http.post(`${BASE}/open311/v2/requests.json`, () => new HttpResponse(null, { status: 502 })));
    await queue('c4');
    await flushOutbox(deps);
    server.use(http.post(`${BASE}/open311/v2/requests.json`, () => HttpResponse.error()));
    expect(await flushOutbox({ ...deps, now: () => NOW + 1000 })).toMatchObject({ sent: 0, retrying: 0 });
  });

  it('marks a 4xx as a permanent failure with the Persian description, and keeps the entry', async () => {
    const errors: ApiError = [{ code: 'validation', description: 'مبلغ پرداختی باید عدد باشد.' }];
    server.use(
      http.post(`${BASE}/open311/v2/requests.json`, () => HttpResponse.json(errors, { status: 400 })),
    );
    await queue('c5');
    expect((await flushOutbox(deps)).failed).toBe(1);
    const e = await getEntry('c5');
    expect(e?.nextAttemptAt).toBe(NEVER);
    expect(e?.payload.failure).toEqual(errors);
    const c = await getComplaint('c5');
    expect(c?.status).toBe('failed');
    expect(c?.data.failure?.[0]?.description).toBe('مبلغ پرداختی باید عدد باشد.');
  });

  it('treats 408 and 429 as retryable, honouring Retry-After', async () => {
    server.use(
      http.post(`${BASE}/open311/v2/requests.json`, () =>
        HttpResponse.json([{ code: 'rate-limited', description: 'کمی صبر کنید.' }], {
          status: 429,
          headers: { 'Retry-After': '600' },
        }),
      ),
    );
    await queue('c6');
    expect((await flushOutbox(deps)).retrying).toBe(1);
    expect((await getEntry('c6'))?.nextAttemptAt).toBe(NOW + 600_000);
    server.use(http.post(`${BASE}/open311/v2/requests.json`, () => new HttpResponse(null, { status: 408 })));
    expect((await flushOutbox({ ...deps, now: () => NOW + 700_000 })).retrying).toBe(1);
  });

  it('sends the same Idempotency-Key on every retry', async () => {
    const keys: (string | null)[] = [];
    let calls = 0;
    server.use(
      http.post(`${BASE}/open311/v2/requests.json`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        return ++calls < 3 ? new HttpResponse(null, { status: 500 }) : created201();
      }),
    );
    await queue('key-7');
    let t = NOW;
    for (let i = 0; i < 3; i++) {
      await flushOutbox({ ...deps, now: () => t });
      t += 3_600_000;
    }
    expect(keys).toEqual(['key-7', 'key-7', 'key-7']);
    expect(await getEntry('key-7')).toBeUndefined();
  });

  it('uploads the photos first and files the complaint with the media url', async () => {
    let body: ServiceRequestInput | undefined;
    const types: string[] = [];
    server.use(
      http.post(`${BASE}/api/v1/media`, ({ request }) => {
        types.push(request.headers.get('content-type') ?? '');
        return HttpResponse.json(uploaded, { status: 201 });
      }),
      http.post(`${BASE}/open311/v2/requests.json`, async ({ request }) => {
        body = (await request.json()) as ServiceRequestInput;
        return created201();
      }),
    );
    await queue('c8', [new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' })]);
    expect((await flushOutbox(deps)).sent).toBe(1);
    expect(types).toEqual(['image/jpeg']);
    expect(body?.media_url).toBe(uploaded.url);
    expect((await getComplaint('c8'))?.data.mediaUrl).toBe(uploaded.url);
  });

  it('sends every uploaded photo in media_urls and leaves the description as written', async () => {
    let body: ServiceRequestInput | undefined;
    let n = 0;
    server.use(
      http.post(`${BASE}/api/v1/media`, () =>
        HttpResponse.json({ ...uploaded, url: `/api/v1/media/p${++n}.jpg` }, { status: 201 }),
      ),
      http.post(`${BASE}/open311/v2/requests.json`, async ({ request }) => {
        body = (await request.json()) as ServiceRequestInput;
        return created201();
      }),
    );
    const photo = () => new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
    await queue('c9', [photo(), photo(), photo()]);
    expect((await flushOutbox(deps)).sent).toBe(1);
    const urls = ['/api/v1/media/p1.jpg', '/api/v1/media/p2.jpg', '/api/v1/media/p3.jpg'];
    expect(body?.media_urls).toEqual(urls);
    expect(body?.media_url).toBe(urls[0]);
    expect(body?.description).toBe('قیمت بالا');
    expect((await getComplaint('c9'))?.data.mediaUrls).toEqual(urls);
  });

  it('does not file the complaint when a photo upload failed', async () => {
    let posted = false;
    server.use(
      http.post(`${BASE}/api/v1/media`, () => HttpResponse.error()),
      http.post(`${BASE}/open311/v2/requests.json`, () => {
        posted = true;
        return created201();
      }),
    );
    await queue('c9', [new Blob(['x'], { type: 'image/jpeg' })]);
    expect((await flushOutbox(deps)).retrying).toBe(1);
    expect(posted).toBe(false);
    expect((await getEntry('c9'))?.payload).toMatchObject({ photos: [expect.any(Blob)] });
  });

  it('delivers a follow-up only after its complaint is acknowledged, with the reporter token', async () => {
    let auth: string | null = null;
    server.use(
      http.post(`${BASE}/open311/v2/servicerequestupdates.json`, ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json([
          {
            service_request_update_id: 'u1',
            service_request_id: 'KBF-1001',
            updated_datetime: '2026-11-26T10:00:00+03:30',
            request: remote({
              notes: [
                ...remote().notes,
                {
                  type: 'follow_up',
                  datetime: '2026-11-26T10:00:00+03:30',
                  author: 'reporter',
                  text: 'پیگیری',
                },
              ],
            }),
          },
        ]);
      }),
    );
    await putComplaint(
      draftComplaint('c10', { status: 'open', serverId: 'KBF-1001', token: 'secret-token' }),
    );
    const { enqueue } = await import('../../../src/db/outbox.ts');
    await enqueue({
      id: 'u-key',
      kind: 'update',
      payload: { complaintId: 'c10', action: 'follow_up', description: 'پیگیری' },
      attempts: 0,
      nextAttemptAt: NOW,
      createdAt: NOW,
    });
    expect((await flushOutbox(deps)).sent).toBe(1);
    expect(auth).toBe('Bearer secret-token');
    expect((await getComplaint('c10'))?.data.notes).toHaveLength(2);
  });
});
