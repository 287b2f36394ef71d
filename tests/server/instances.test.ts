import { createHash, randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaUploadResultSchema, UnionQueueSchema } from '../../src/api/index.ts';
import { createTestDatabase } from '../pg-database.ts';
import { FIRST_GLN, type Harness, startServer, TEST_ENGINE } from './harness.ts';

// Stateless instances: several service processes on one PostgreSQL database behave as one
// service. (SQLite is one process on one file by design, so this runs on PostgreSQL only.)

/** What an operator gives every instance of one service: the same install-token key. */
const sharedKey = () => ({ SERVER_KEY: randomBytes(32).toString('base64url') });

/** The desk tokens, printed by the instance that seeded the registry (the others find it seeded). */
const deskToken = (instances: Harness[], agencyId: string) =>
  instances.find((h) => h.demo.credentials.length > 0)!.token(agencyId);

describe.runIf(TEST_ENGINE === 'postgres')('three instances on one PostgreSQL database', () => {
  const instances: Harness[] = [];
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    // All three start at once on an empty database: one migrates and seeds, the others wait.
    database = await createTestDatabase();
    const env = sharedKey();
    instances.push(
      ...(await Promise.all([1, 2, 3].map(() => startServer({ databaseUrl: database.url, env })))),
    );
  });
  afterAll(async () => {
    for (const h of instances) await h.stop();
    await database.drop();
  });

  it('come up together on an empty database with one registry between them', async () => {
    const statuses = await Promise.all(instances.map(async (h) => (await h.get('/readyz')).status));
    expect(statuses).toEqual([200, 200, 200]);
    const records = await Promise.all(
      instances.map(async (h) => (await h.get(`/api/v1/locations/${FIRST_GLN}`)).text()),
    );
    expect(new Set(records).size).toBe(1);
  });

  it('files once when the same Idempotency-Key reaches all three at the same moment', async () => {
    const description = `یک شکایت، سه نمونه ${Date.now()}`;
    const body = {
      service_code: 'overpricing',
      address_id: FIRST_GLN,
      attribute: { price_paid: 150000, labelled_price: 120000 },
      description,
    };
    const headers = { 'Idempotency-Key': `phone-outbox-${crypto.randomUUID()}` };
    const answers = await Promise.all(
      instances.map((h) => h.post('/open311/v2/requests.json', body, headers)),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    const created = await Promise.all(answers.map((r) => r.json()));
    // Every instance hands back the one complaint, with the same tracking code and secret.
    expect(created[1]).toEqual(created[0]);
    expect(created[2]).toEqual(created[0]);

    const [a] = instances;
    const queue = UnionQueueSchema.parse(
      await (
        await a!.get('/open311/v2/union/requests.json', {
          headers: { Authorization: `Bearer ${deskToken(instances, 'union-4711-tehran')}` },
        })
      ).json(),
    );
    expect(queue.items.filter((i) => i.description === description)).toHaveLength(1);
  });

  it('serves a photo uploaded to one instance from the others, and lets a complaint on a third use it', async () => {
    const [a, b, c] = instances as [Harness, Harness, Harness];
    const photo = await sharp({
      create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 120, b: 200 } },
    })
      .png()
      .toBuffer();
    const up = await fetch(`${a.url}/api/v1/media`, {
      method: 'POST',
      headers: { 'Content-Type': 'image/png', 'X-Install-Token': a.installToken },
      body: new Uint8Array(photo),
    });
    expect(up.status).toBe(201);
    const stored = MediaUploadResultSchema.parse(await up.json());
    const served = await b.get(stored.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    // Content-addressed: the bytes another instance serves are the ones the name promises.
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(stored.sha256);
    const filed = await c.post('/open311/v2/requests.json', {
      service_code: 'overpricing',
      address_id: FIRST_GLN,
      attribute: { price_paid: 70000, labelled_price: 60000 },
      media_url: stored.url,
    });
    expect(filed.status).toBe(201);
  });

  it("takes a reporter's follow-up on another instance than the one that filed it", async () => {
    const [a, b, c] = instances as [Harness, Harness, Harness];
    const res = await c.post('/open311/v2/requests.json', {
      service_code: 'overpricing',
      address_id: FIRST_GLN,
      attribute: { price_paid: 90000, labelled_price: 80000 },
    });
    expect(res.status).toBe(201);
    const [filed] = (await res.json()) as { service_request_id: string; access_token: string }[];
    const auth = { Authorization: `Bearer ${filed!.access_token}` };
    const follow = await b.post(
      '/open311/v2/servicerequestupdates.json',
      { service_request_id: filed!.service_request_id, action: 'follow_up', description: 'هنوز همان قیمت' },
      auth,
    );
    expect(follow.status).toBe(201);
    const seen = await a.get(`/open311/v2/requests/${filed!.service_request_id}.json`, { headers: auth });
    const [request] = (await seen.json()) as { notes: { type: string }[] }[];
    expect(request!.notes.map((n) => n.type)).toContain('follow_up');
  });
});

describe.runIf(TEST_ENGINE === 'postgres')('daily limits across instances', () => {
  const instances: Harness[] = [];
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    const env = sharedKey();
    const limits = { daily: { complaintsPerInstall: 2 } };
    instances.push(
      ...(await Promise.all([1, 2].map(() => startServer({ databaseUrl: database.url, env, limits })))),
    );
  });
  afterAll(async () => {
    for (const h of instances) await h.stop();
    await database.drop();
  });

  it("count one phone's complaints in the database, so a second instance does not give it a fresh quota", async () => {
    const [a, b] = instances as [Harness, Harness];
    const phone = { 'X-Install-Token': await a.install() };
    const file = (h: Harness, n: number) =>
      h.post(
        '/open311/v2/requests.json',
        {
          service_code: 'overpricing',
          address_id: FIRST_GLN,
          attribute: { price_paid: 100000 + n, labelled_price: 90000 },
        },
        phone,
      );
    expect((await file(a, 1)).status).toBe(201);
    expect((await file(b, 2)).status).toBe(201);
    // The install's third today is refused by either instance.
    expect((await file(a, 3)).status).toBe(429);
    expect((await file(b, 4)).status).toBe(429);
  });
});

describe.runIf(TEST_ENGINE === 'postgres')('short-window write limits across instances', () => {
  const instances: Harness[] = [];
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    const env = sharedKey();
    // Buckets that refill a token in ~17 minutes: nothing comes back during the test. Six
    // install tokens for the address: one per instance at start and three in the tests below.
    const limits = {
      install: { burst: 4, perSecond: 0.001 },
      anonymous: { burst: 6, perSecond: 0.001 },
    };
    instances.push(
      ...(await Promise.all([1, 2, 3].map(() => startServer({ databaseUrl: database.url, env, limits })))),
    );
  });
  afterAll(async () => {
    for (const h of instances) await h.stop();
    await database.drop();
  });

  const complaint = { service_code: 'no_invoice', address_id: FIRST_GLN };

  it("hold one install's burst for the whole service, however its writes are spread", async () => {
    const [a, b, c] = instances as [Harness, Harness, Harness];
    const phone = { 'X-Install-Token': await a.install() };
    // Round robin, as a load balancer would spread them: in memory each instance would allow
    // 4, twelve in all; shared, the fifth is refused wherever it lands.
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++)
      statuses.push((await [a, b, c][i % 3]!.post('/open311/v2/requests.json', complaint, phone)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429, 429, 429, 429]);
    // Another phone behind the same address is untouched by this one's bucket.
    const neighbour = { 'X-Install-Token': await b.install() };
    expect((await c.post('/open311/v2/requests.json', complaint, neighbour)).status).toBe(201);
  });

  it('spend the last token once when instances take from one bucket at the same moment', async () => {
    const phone = { 'X-Install-Token': await instances[0]!.install() };
    // Twelve writes at once, four per instance, for a bucket of four.
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        instances[i % 3]!.post('/open311/v2/requests.json', complaint, phone),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(8);
    // "Retry-After" on every refusal: at a token per 1,000 s, the wait is most of that.
    for (const r of answers.filter((r) => r.status === 429))
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(100);
  });

  it('hold the anonymous per-address limit (asking for install tokens) across instances', async () => {
    const ask = (h: Harness) => fetch(`${h.url}/api/v1/installs`, { method: 'POST' });
    // Each instance handed out one token at start and two at most since: in memory each would
    // still have three to give. Shared, the address's six are spent, wherever it asks.
    const statuses = await Promise.all(instances.map(async (h) => (await ask(h)).status));
    expect(statuses).toEqual([429, 429, 429]);
  });
});
