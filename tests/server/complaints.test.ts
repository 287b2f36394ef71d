import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ServiceDefinitionSchema,
  ServiceRequestCreatedResponseSchema,
  ServiceRequestResponseSchema,
  ServiceSchema,
  UnionQueueSchema,
} from '../../src/api/index.ts';
import {
  expectPersianError,
  FIRST_GLN,
  fileOverpricing,
  type Harness,
  isPersian,
  startServer,
} from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h.stop());

const auth = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

describe('Open311 complaint categories', () => {
  it('lists the Guild System Law categories with Persian names, groups and metadata', async () => {
    const list = ServiceSchema.array().parse(await (await h.get('/open311/v2/services.json')).json());
    const codes = list.map((s) => s.service_code);
    for (const c of [
      'overpricing',
      'short_weight',
      'fraud',
      'hoarding',
      'outside_network',
      'smuggled_goods',
      'forced_sale',
      'no_price_label',
      'no_invoice',
      'refusal_to_sell',
      'pos_name_mismatch',
      'no_plate',
      'plate_mismatch',
    ])
      expect(codes).toContain(c);
    expect(list.every((s) => s.metadata && isPersian(s.service_name) && isPersian(s.group))).toBe(true);
    expect(list.find((s) => s.service_code === 'overpricing')?.legal_basis).toContain('۵۷');
  });

  it("describes each category's evidence attributes with datatypes and Persian descriptions", async () => {
    const def = ServiceDefinitionSchema.parse(
      await (await h.get('/open311/v2/services/overpricing.json')).json(),
    );
    expect(def.attributes.find((a) => a.code === 'price_paid')).toMatchObject({
      datatype: 'number',
      required: true,
    });
    expect(def.attributes.find((a) => a.code === 'purchase_time')?.datatype).toBe('datetime');
    const plate = ServiceDefinitionSchema.parse(
      await (await h.get('/open311/v2/services/no_plate.json')).json(),
    );
    const guild = plate.attributes.find((a) => a.code === 'guild_code')!;
    expect(guild.datatype).toBe('singlevaluelist');
    expect(guild.values!.length).toBeGreaterThanOrEqual(15);
    await expectPersianError(await h.get('/open311/v2/services/nope.json'), 404, 'unknown-service');
  });
});

describe('filing a complaint', () => {
  it('files against a GLN and answers the tracking code, secret, Persian notice naming the union and a 10-day deadline', async () => {
    const before = Date.now();
    const res = await h.post('/open311/v2/requests.json', {
      service_code: 'overpricing',
      address_id: FIRST_GLN,
      attribute: { price_paid: '۱۵۰۰۰۰' },
    });
    expect(res.status).toBe(201);
    const [c] = ServiceRequestCreatedResponseSchema.parse(await res.json());
    expect(c!.service_request_id).toMatch(/^[0-9A-Z]{8}$/);
    expect(c!.access_token.length).toBeGreaterThan(20);
    expect(c!.service_notice).toContain('اتحادیه صنف خواربار و لبنیات فروشان تهران');
    const days = (Date.parse(c!.expected_datetime) - before) / 86_400_000;
    expect(days).toBeGreaterThan(9.99);
    expect(days).toBeLessThan(10.01);
  });

  it('accepts a form-encoded body with attribute[code] fields', async () => {
    const res = await fetch(`${h.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Install-Token': h.installToken },
      body: `service_code=short_weight&address_id=${FIRST_GLN}&attribute[weight_claimed]=1000&attribute[weight_measured]=870&description=${encodeURIComponent('کم‌فروشی برنج')}`,
    });
    expect(res.status).toBe(201);
    const [c] = ServiceRequestCreatedResponseSchema.parse(await res.json());
    const [r] = ServiceRequestResponseSchema.parse(
      await (await h.get(`/open311/v2/requests/${c!.service_request_id}.json`, auth(c!.access_token))).json(),
    );
    expect(r!.attribute).toMatchObject({ weight_claimed: 1000, weight_measured: 870 });
  });

  it('lands once for a repeated Idempotency-Key and returns the first answer', async () => {
    const body = { service_code: 'no_invoice', address_id: FIRST_GLN };
    const a = await h.post('/open311/v2/requests.json', body, { 'Idempotency-Key': 'retry-1' });
    const b = await h.post(
      '/open311/v2/requests.json',
      { address_id: FIRST_GLN, service_code: 'no_invoice' },
      { 'Idempotency-Key': 'retry-1' },
    );
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(await b.json()).toEqual(await a.json());
    const queue = UnionQueueSchema.parse(
      await (await h.get('/open311/v2/union/requests.json', auth(h.token('union-4711-tehran')))).json(),
    );
    expect(queue.items.filter((i) => i.service_code === 'no_invoice')).toHaveLength(1);
  });

  it('answers 422 when an Idempotency-Key is reused with a different body', async () => {
    await h.post(
      '/open311/v2/requests.json',
      { service_code: 'no_invoice', address_id: FIRST_GLN },
      { 'Idempotency-Key': 'retry-2' },
    );
    const res = await h.post(
      '/open311/v2/requests.json',
      { service_code: 'refusal_to_sell', address_id: FIRST_GLN },
      { 'Idempotency-Key': 'retry-2' },
    );
    await expectPersianError(res, 422, 'idempotency-mismatch');
  });

  it('files a missing-plate report by position and routes it by the nearest county', async () => {
    const res = await h.post('/open311/v2/requests.json', {
      service_code: 'no_plate',
      lat: 35.7,
      long: 51.34,
      attribute: { guild_code: '4771' },
    });
    const [c] = ServiceRequestCreatedResponseSchema.parse(await res.json());
    expect(c!.agency_responsible).toBe('اتحادیه صنف پوشاک تهران');
  });

  it("sends a missing-plate report with no guild to the county chamber's inspectors", async () => {
    const res = await h.post('/open311/v2/requests.json', {
      service_code: 'no_plate',
      lat: 29.61,
      long: 52.53,
    });
    const [c] = ServiceRequestCreatedResponseSchema.parse(await res.json());
    expect(c!.agency_responsible).toBe('بازرسی اتاق اصناف شیراز');
  });

  it('answers smuggled goods with "not ours, call 124" and closes it at once', async () => {
    const res = await h.post('/open311/v2/requests.json', {
      service_code: 'smuggled_goods',
      address_id: FIRST_GLN,
      attribute: { product: 'گوشی' },
    });
    const [c] = ServiceRequestCreatedResponseSchema.parse(await res.json());
    expect(c!.service_notice).toContain('124');
    const [r] = ServiceRequestResponseSchema.parse(
      await (await h.get(`/open311/v2/requests/${c!.service_request_id}.json`, auth(c!.access_token))).json(),
    );
    expect(r).toMatchObject({ status: 'closed', substatus: 'not_our_jurisdiction' });
  });

  it('keeps contact details only when given, and shows them to the union alone', async () => {
    const c = await fileOverpricing(h, { phone: '09121234567', first_name: 'سارا' });
    const queue = UnionQueueSchema.parse(
      await (await h.get('/open311/v2/union/requests.json', auth(h.token('union-4711-tehran')))).json(),
    );
    expect(queue.items.find((i) => i.service_request_id === c.service_request_id)?.contact).toEqual({
      phone: '09121234567',
      first_name: 'سارا',
    });
    const anon = await fileOverpricing(h);
    const again = UnionQueueSchema.parse(
      await (await h.get('/open311/v2/union/requests.json', auth(h.token('union-4711-tehran')))).json(),
    );
    expect(
      again.items.find((i) => i.service_request_id === anon.service_request_id)?.contact,
    ).toBeUndefined();
  });

  it('rejects bad input with 4xx and Persian messages', async () => {
    const cases: [unknown, number, string?][] = [
      [{ service_code: 'nope', address_id: FIRST_GLN }, 404, 'unknown-service'],
      [{ service_code: 'overpricing', address_id: FIRST_GLN }, 400, 'validation'], // price_paid required
      [
        { service_code: 'overpricing', address_id: FIRST_GLN, attribute: { price_paid: 'many' } },
        400,
        'validation',
      ],
      [
        { service_code: 'overpricing', address_id: FIRST_GLN, attribute: { price_paid: 1, bogus: 1 } },
        400,
        'validation',
      ],
      [{ service_code: 'no_invoice', address_id: '6260000000010' }, 400, 'bad-check-digit'],
      [{ service_code: 'no_invoice', address_id: '9520123456788' }, 404, 'not-found'],
      [{ service_code: 'no_invoice' }, 400, 'validation'],
      [{ service_code: 'no_invoice', address_id: FIRST_GLN, email: 'not-an-email' }, 400, 'validation'],
      [
        { service_code: 'no_invoice', address_id: FIRST_GLN, media_url: 'https://evil.example/x.jpg' },
        400,
        'validation',
      ],
      [
        { service_code: 'no_plate', lat: 35.7, long: 51.34, attribute: { guild_code: '0000' } },
        400,
        'validation',
      ],
      ['{"service_code":', 400, 'bad-json'],
      ['[]', 400, 'bad-json'],
    ];
    for (const [body, status, code] of cases)
      await expectPersianError(await h.post('/open311/v2/requests.json', body), status, code);
  });
});

describe('who may read a complaint', () => {
  it('shows the reporter and the responsible union the complaint with its timeline', async () => {
    const c = await fileOverpricing(h);
    const mine = await h.get(`/open311/v2/requests/${c.service_request_id}.json`, auth(c.access_token));
    const [r] = ServiceRequestResponseSchema.parse(await mine.json());
    expect(r).toMatchObject({
      status: 'open',
      substatus: 'received',
      agency_responsible: 'اتحادیه صنف خواربار و لبنیات فروشان تهران',
    });
    expect(r!.notes[0]).toMatchObject({ type: 'created', author: 'system' });
    const union = await h.get(
      `/open311/v2/requests/${c.service_request_id}.json`,
      auth(h.token('union-4711-tehran')),
    );
    expect(union.status).toBe(200);
  });

  it("answers another complaint's token and another union's as an unknown id (the public view is in open311-public-view)", async () => {
    const a = await fileOverpricing(h);
    const b = await fileOverpricing(h);
    await expectPersianError(
      await h.get(`/open311/v2/requests/${a.service_request_id}.json`, auth(b.access_token)),
      404,
      'not-found',
    );
    await expectPersianError(
      await h.get(`/open311/v2/requests/${a.service_request_id}.json`, auth(h.token('union-4771-tehran'))),
      404,
      'not-found',
    );
    await expectPersianError(
      await h.get('/open311/v2/requests/ZZZZZZZZ.json', auth(a.access_token)),
      404,
      'not-found',
    );
  });

  it('gives each union only its own queue, and none without a credential', async () => {
    const c = await fileOverpricing(h);
    const other = UnionQueueSchema.parse(
      await (await h.get('/open311/v2/union/requests.json', auth(h.token('union-4771-mashhad')))).json(),
    );
    expect(other.items.some((i) => i.service_request_id === c.service_request_id)).toBe(false);
    await expectPersianError(await h.get('/open311/v2/union/requests.json'), 401, 'unauthorized');
    await expectPersianError(
      await h.get('/open311/v2/union/requests.json', auth('kbf-not-a-real-token')),
      401,
      'unauthorized',
    );
  });

  it('counts "me too" once per install', async () => {
    const c = await fileOverpricing(h);
    const path = `/open311/v2/requests/${c.service_request_id}/support.json`;
    const a = { 'X-Install-Token': await h.install() };
    const b = { 'X-Install-Token': await h.install() };
    expect(await (await h.post(path, {}, a)).json()).toMatchObject({ supporters: 1 });
    expect(await (await h.post(path, {}, a)).json()).toMatchObject({ supporters: 1 });
    expect(await (await h.post(path, {}, b)).json()).toMatchObject({ supporters: 2 });
    await expectPersianError(await h.post('/open311/v2/requests/ZZZZZZZZ/support.json', {}, b), 404);
  });
});
