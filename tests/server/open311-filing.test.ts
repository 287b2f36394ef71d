import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ServiceRequestCreatedResponseSchema,
  ServiceRequestResponseSchema,
  TokenAnswerSchema,
} from '../../src/api/index.ts';
import { expectPersianError, FIRST_GLN, type Harness, startServer } from './harness.ts';
import { asXmlText, listOf, SHAPES, xmlAnswer } from './open311-shapes.ts';

// POST Service Request: a place named by address_string alone, an unknown service_code, and
// GET service_request_id from a token.

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h.stop());

async function fileByAddress(address_string: string, extra: Record<string, unknown> = {}) {
  const res = await h.post('/open311/v2/requests.json', {
    service_code: 'no_invoice',
    address_string,
    ...extra,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const [created] = ServiceRequestCreatedResponseSchema.parse(await res.json());
  const full = await h.get(`/open311/v2/requests/${created!.service_request_id}.json`, {
    headers: { Authorization: `Bearer ${created!.access_token}` },
  });
  return { created: created!, full: ServiceRequestResponseSchema.parse(await full.json())[0]! };
}

describe('address_string alone', () => {
  // The first demo shop: Tehran, «خیابان ولیعصر، نرسیده به میدان ونک», plate 1234, a supermarket (guild 4711).
  it('is geocoded within the registry to the one shop at that street and plate, routed to its union, and the notice says so', async () => {
    const { created, full } = await fileByAddress('تهران، خیابان ولیعصر، پلاک ۱۲۳۴');
    expect(full.address_id).toBe(FIRST_GLN);
    expect(created.agency_responsible).toContain('اتحادیه');
    expect(created.service_notice).toContain(FIRST_GLN);
    expect(created.service_notice).toContain('سوپرمارکت آفتاب');
  });

  it('reads Arabic yeh and kaf and Latin digits as the registry spells them', async () => {
    const { full } = await fileByAddress('تهران خيابان وليعصر پلاك 1234');
    expect(full.address_id).toBe(FIRST_GLN);
  });

  it("goes to the county chamber's inspectors when no one registered shop matches, and the notice says so", async () => {
    const { created, full } = await fileByAddress('مشهد، خیابانی که در سامانه نیست، پلاک ۹۹۹۹۹');
    expect(full.address_id).toBeUndefined();
    expect(full.address).toBe('مشهد، خیابانی که در سامانه نیست، پلاک ۹۹۹۹۹');
    expect(created.agency_responsible).toBe('بازرسی اتاق اصناف مشهد');
    expect(created.service_notice).toContain('با هیچ مغازهٔ ثبت‌شده‌ای تطبیق نیافت');
    expect(created.service_notice).toContain('مشهد');
  });

  it('never attaches a shop with no plate to the registered shop at its address; it is placed in the county', async () => {
    const { created, full } = await fileByAddress('تهران، خیابان ولیعصر، پلاک ۱۲۳۴', {
      service_code: 'no_plate',
      attribute: { guild_code: '4711' },
    });
    expect(full.address_id).toBeUndefined();
    expect(created.agency_responsible).toContain('تهران');
  });

  it('is still accepted when it names no registered city: the catch-all body takes it, and the notice says the address was not found', async () => {
    const { created } = await fileByAddress('جایی بیرون از شهرهای سامانه');
    expect(created.service_notice).toContain('پیدا نشد');
    expect(created.agency_responsible).toContain('۱۲۴');
  });

  it('is refused only when there is no place at all', async () => {
    await expectPersianError(
      await h.post('/open311/v2/requests.json', { service_code: 'no_invoice' }),
      400,
      'validation',
    );
    await expectPersianError(
      await h.post('/open311/v2/requests.json', { service_code: 'no_invoice', address_string: '   ' }),
      400,
      'validation',
    );
  });
});

describe('an unknown service_code', () => {
  it('is a 404 in both formats (the service it names does not exist)', async () => {
    const body = { service_code: 'parking', address_id: FIRST_GLN };
    await expectPersianError(await h.post('/open311/v2/requests.json', body), 404, 'unknown-service');
    const res = await fetch(`${h.url}/open311/v2/requests.xml`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Install-Token': h.installToken },
      body: new URLSearchParams(body).toString(),
    });
    expect(res.status).toBe(404);
    const xml = await xmlAnswer(res, SHAPES.errors);
    expect((xml.errors as { error: { code: string }[] }).error[0]!.code).toBe('unknown-service');
  });
});

describe('tokens/{token}', () => {
  // "some servers that can't generate a realtime service request may also rely on a token
  // resource": every service here is realtime, and the method still answers.
  it("answers a request's id, which stands as its own token, in both formats", async () => {
    const { created } = await fileByAddress('تهران، خیابان ولیعصر، پلاک ۱۲۳۴');
    const id = created.service_request_id;
    const json = TokenAnswerSchema.parse(await (await h.get(`/open311/v2/tokens/${id}.json`)).json());
    expect(json).toEqual([{ service_request_id: id, token: id }]);
    const xml = await xmlAnswer(await h.get(`/open311/v2/tokens/${id}.xml`), SHAPES.tokens);
    expect(xml).toEqual(listOf('service_requests', 'request')(asXmlText(json)));
  });

  it('answers a token it never issued with a 404 that explains services are realtime', async () => {
    const [e] = await expectPersianError(await h.get('/open311/v2/tokens/abc-123.json'), 404, 'not-found');
    expect(e!.description).toContain('service_request_id');
  });
});
