import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/api/client.ts';
import { PlaceSupportResultSchema, ServiceRequestResponseSchema } from '../../src/api/index.ts';
import { expectPersianError, FIRST_GLN, fileOverpricing, type Harness, startServer } from './harness.ts';

// "Me too" by place: POST /open311/v2/support.json backs the oldest open complaint of a category
// at a shop, for a shopper who cannot know its id.

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h.stop());

const PATH = '/open311/v2/support.json';
const auth = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
/** Each named phone is its own install, with its own token from the service. */
const phones = new Map<string, string>();
async function phone(name: string): Promise<Record<string, string>> {
  if (!phones.has(name)) phones.set(name, await h.install());
  return { 'X-Install-Token': phones.get(name)! };
}
const meToo = async (service_code: string, device: string, address_id = FIRST_GLN) =>
  h.post(PATH, { address_id, service_code, device_id: device }, await phone(device));

async function supportersOf(c: { service_request_id: string; access_token: string }) {
  const res = await h.get(`/open311/v2/requests/${c.service_request_id}.json`, auth(c.access_token));
  return ServiceRequestResponseSchema.parse(await res.json())[0]!.supporters;
}

describe('me too, by shop and category', () => {
  it('backs the oldest open complaint of that category and names the union and the deadline', async () => {
    const oldest = await fileOverpricing(h);
    const newer = await fileOverpricing(h);
    const res = await meToo('overpricing', 'device-first-0001');
    expect(res.status).toBe(200);
    const body = PlaceSupportResultSchema.parse(await res.json());
    expect(body).toMatchObject({
      address_id: FIRST_GLN,
      service_code: 'overpricing',
      service_name: 'گران‌فروشی',
      supporters: 1,
      already_supported: false,
      agency_responsible: 'اتحادیه صنف خواربار و لبنیات فروشان تهران',
    });
    expect(Date.parse(body.expected_datetime)).toBeGreaterThan(Date.now());
    expect(await supportersOf(oldest)).toBe(1);
    expect(await supportersOf(newer)).toBe(0);
  });

  it('counts a device once: a repeat answers the same count and says it was already there', async () => {
    const filed = await fileOverpricing(h, { service_code: 'no_price_label', attribute: {} });
    const first = PlaceSupportResultSchema.parse(
      await (await meToo('no_price_label', 'device-once-0001')).json(),
    );
    expect(first).toMatchObject({ supporters: 1, already_supported: false });
    const again = PlaceSupportResultSchema.parse(
      await (await meToo('no_price_label', 'device-once-0001')).json(),
    );
    expect(again).toMatchObject({ supporters: 1, already_supported: true });
    const other = PlaceSupportResultSchema.parse(
      await (await meToo('no_price_label', 'device-once-0002')).json(),
    );
    expect(other).toMatchObject({ supporters: 2, already_supported: false });
    expect(await supportersOf(filed)).toBe(2);
  });

  it('moves on to the next open complaint once the oldest is closed', async () => {
    const first = await fileOverpricing(h, { service_code: 'no_invoice', attribute: {} });
    const second = await fileOverpricing(h, { service_code: 'no_invoice', attribute: {} });
    const withdrawn = await h.post(
      '/open311/v2/servicerequestupdates.json',
      { service_request_id: first.service_request_id, action: 'withdraw' },
      { Authorization: `Bearer ${first.access_token}` },
    );
    expect(withdrawn.status).toBe(201);
    expect((await meToo('no_invoice', 'device-third-0003')).status).toBe(200);
    expect(await supportersOf(first)).toBe(0);
    expect(await supportersOf(second)).toBe(1);
  });

  it('answers 404 in Persian when no complaint of that category is open at that shop', async () => {
    await expectPersianError(await meToo('hoarding', 'device-first-0001'), 404, 'not-found');
  });

  it('answers 404 in Persian for a well-formed GLN that is not registered', async () => {
    await expectPersianError(
      await meToo('overpricing', 'device-first-0001', '9520123456788'),
      404,
      'not-found',
    );
  });

  it('answers 400 in Persian for a malformed GLN, a bad check digit, an unknown category or no device', async () => {
    await expectPersianError(await meToo('overpricing', 'device-first-0001', '123'), 400, 'bad-gln');
    await expectPersianError(
      await meToo('overpricing', 'device-first-0001', '6260000000010'),
      400,
      'bad-check-digit',
    );
    await expectPersianError(await meToo('not_a_category', 'device-first-0001'), 400, 'unknown-service');
    await expectPersianError(await h.post(PATH, { address_id: FIRST_GLN, service_code: 'overpricing' }), 400);
    await expectPersianError(await h.post(PATH, '{not json'), 400, 'bad-json');
  });

  it('never answers the complaint id, its secret or anything the reporter wrote', async () => {
    const filed = await fileOverpricing(h, {
      service_code: 'refusal_to_sell',
      attribute: {},
      description: 'فروشنده گفت جنس تمام شده',
      phone: '+98 912 000 1122',
      email: 'reporter@example.ir',
      first_name: 'مریم',
      last_name: 'رضایی',
    });
    const res = await meToo('refusal_to_sell', 'device-fourth-004');
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const secret of [
      filed.service_request_id,
      filed.access_token,
      'فروشنده گفت',
      '0001122',
      'reporter@example.ir',
      'مریم',
      'رضایی',
    ])
      expect(text).not.toContain(secret);
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(Object.keys(PlaceSupportResultSchema.shape).sort());
  });

  it('is rate limited like every other write', async () => {
    const tight = await startServer({ limits: { install: { burst: 2, perSecond: 0.01 } } });
    try {
      const body = { address_id: FIRST_GLN, service_code: 'hoarding', device_id: 'device-flood-0001' };
      expect((await tight.post(PATH, body)).status).toBe(404);
      expect((await tight.post(PATH, body)).status).toBe(404);
      await expectPersianError(await tight.post(PATH, body), 429, 'rate-limited');
    } finally {
      await tight.stop();
    }
  });
});

describe("me too never backs the reporter's own complaint", () => {
  const fraud = { service_code: 'fraud', attribute: { details: 'برنج مخلوط با برنج خارجی' } };

  it('answers 409 own-complaint in Persian when the only open one was filed from this device', async () => {
    const mine = await fileOverpricing(h, fraud, await phone('device-reporter-001'));
    const [e] = await expectPersianError(await meToo('fraud', 'device-reporter-001'), 409, 'own-complaint');
    expect(e!.description).toMatch(/خودتان/);
    expect(await supportersOf(mine)).toBe(0);
    const other = PlaceSupportResultSchema.parse(await (await meToo('fraud', 'device-witness-0001')).json());
    expect(other).toMatchObject({ supporters: 1, already_supported: false });
  });

  it("skips the device's own complaint and backs the next open one by someone else", async () => {
    const weights = { weight_claimed: 1000, weight_measured: 900 };
    const shortWeight = { service_code: 'short_weight', attribute: weights };
    const mine = await fileOverpricing(h, shortWeight, await phone('device-reporter-002'));
    const theirs = await fileOverpricing(h, shortWeight, await phone('device-neighbour-02'));
    expect((await meToo('short_weight', 'device-reporter-002')).status).toBe(200);
    expect(await supportersOf(mine)).toBe(0);
    expect(await supportersOf(theirs)).toBe(1);
  });

  it('refuses a support by id from the device that filed it', async () => {
    const mine = await fileOverpricing(h, fraud, await phone('device-reporter-003'));
    const path = `/open311/v2/requests/${mine.service_request_id}/support.json`;
    await expectPersianError(
      await h.post(path, {}, await phone('device-reporter-003')),
      409,
      'own-complaint',
    );
    expect((await h.post(path, {}, await phone('device-witness-0003'))).status).toBe(200);
    expect(await supportersOf(mine)).toBe(1);
  });

  it('keeps only a sha256 of the install id and never answers it, nor the hash', async () => {
    const token = (await phone('device-reporter-004'))['X-Install-Token']!;
    const id = token.split('.')[0]!; // the install id the service signed
    const hash = createHash('sha256').update(id).digest('hex');
    const mine = await fileOverpricing(h, fraud, { 'X-Install-Token': token });
    expect((await h.deps.store.request(mine.service_request_id))?.deviceHash).toBe(hash);
    const asReporter = await (
      await h.get(`/open311/v2/requests/${mine.service_request_id}.json`, auth(mine.access_token))
    ).text();
    const queue = await (
      await h.get('/open311/v2/union/requests.json', auth(h.token('union-4711-tehran')))
    ).text();
    for (const text of [asReporter, queue]) {
      expect(text).not.toContain(id);
      expect(text).not.toContain(hash);
    }
  });

  it('files without a device id, as any Open311 client may, and refuses a too-short one', async () => {
    expect((await fileOverpricing(h, fraud)).service_request_id).toBeTruthy();
    await expectPersianError(
      await h.post('/open311/v2/requests.json', {
        ...fraud,
        address_id: FIRST_GLN,
        device_id: 'short',
      }),
      400,
      'validation',
    );
  });
});

describe("the app's client: supportByPlace", () => {
  it('answers values for success, 404 and a dead network, never throwing', async () => {
    await fileOverpricing(h, { service_code: 'forced_sale', attribute: { forced_item: 'کیسه' } });
    const api = createApiClient({ baseUrl: h.url, installs: true });
    const ok = await api.supportByPlace(FIRST_GLN, 'forced_sale', 'device-client-0001');
    expect(ok.status === 'ok' && ok.data).toMatchObject({ supporters: 1, already_supported: false });
    const none = await api.supportByPlace(FIRST_GLN, 'smuggled_goods', 'device-client-0001');
    expect(none.status).toBe('not-found');
    expect(none.status !== 'ok' && none.errors[0]!.description).toMatch(/شکایت خودتان/);
    const dead = createApiClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    expect((await dead.supportByPlace(FIRST_GLN, 'forced_sale', 'device-client-0001')).status).toBe(
      'network-error',
    );
  });
});
