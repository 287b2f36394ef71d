import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FmsUpdateCreatedSchema,
  RequestUpdatesResponseSchema,
  ServiceRequestResponseSchema,
  ServiceRequestUpdateResponseSchema,
} from '../../src/api/index.ts';
import { expectPersianError, fileOverpricing, type Harness, startServer } from './harness.ts';
import { asXmlText, bothFormats, listOf, SHAPES, xmlAnswer } from './open311-shapes.ts';

// FixMyStreet's Open311 extension ("Open311 FMS - Proposed differences to Open311"):
// POST Service Request Update (service_request_id, update_id, updated_datetime, status,
// description, first_name, last_name, email, api_key) answered as
// <service_request_updates><request_update><update_id>, and GET Service Request Updates
// ("Fetch a list of recent updates to Requests", start_date/end_date "In W3 format",
// "Requires API Key: No"). The app's own update shape keeps working at the same address.

const DAY = 86_400_000;
const T0 = Date.parse('2026-09-01T08:00:00Z');
let clock = T0;
let h: Harness;
beforeAll(async () => {
  h = await startServer({ now: () => new Date(clock) });
});
afterAll(() => h.stop());

const UNION = 'union-4711-tehran';

function fmsPost(format: 'xml' | 'json', fields: Record<string, string>) {
  return fetch(`${h.url}/open311/v2/servicerequestupdates.${format}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

async function full(id: string) {
  const res = await h.get(`/open311/v2/requests/${id}.json`, {
    headers: { Authorization: `Bearer ${h.token(UNION)}` },
  });
  return ServiceRequestResponseSchema.parse(await res.json())[0]!;
}

describe('POST servicerequestupdates in FixMyStreet shape', () => {
  it("takes a reporter's update (api_key = their token) in XML and answers <request_update><update_id>", async () => {
    const c = await fileOverpricing(h);
    const res = await fmsPost('xml', {
      jurisdiction_id: 'kala-be-fi',
      api_key: c.access_token,
      service_request_id: c.service_request_id,
      update_id: '9001',
      updated_datetime: new Date(T0).toISOString(),
      status: 'OPEN',
      description: 'برچسب قیمت را هم عوض کرده‌اند.',
      first_name: 'Sara',
      last_name: 'Ahmadi',
      email: 'sara@example.org',
    });
    expect(res.status).toBe(201);
    const xml = await xmlAnswer(res, SHAPES.fmsUpdateCreated);
    const [answer] = (xml.service_request_updates as { request_update: { update_id: string }[] })
      .request_update;
    expect(answer!.update_id).toMatch(/^\d+$/);
    const after = await full(c.service_request_id);
    expect(after.notes.at(-1)).toMatchObject({
      type: 'follow_up',
      author: 'reporter',
      text: 'برچسب قیمت را هم عوض کرده‌اند.',
    });
    // The names and email describe FixMyStreet's user; nothing of them is stored on the complaint.
    expect(JSON.stringify(after)).not.toContain('sara@example.org');
  });

  it('answers a repeated update_id with the first answer and records the update once (a retrying client adds nothing)', async () => {
    const c = await fileOverpricing(h);
    const fields = {
      api_key: c.access_token,
      service_request_id: c.service_request_id,
      update_id: 'fms-comment-42',
      status: 'OPEN',
      description: 'پیگیری یک‌بار',
    };
    const first = FmsUpdateCreatedSchema.parse(await (await fmsPost('json', fields)).json());
    const second = FmsUpdateCreatedSchema.parse(await (await fmsPost('json', fields)).json());
    expect(second).toEqual(first);
    expect((await full(c.service_request_id)).notes.filter((n) => n.text === 'پیگیری یک‌بار')).toHaveLength(1);
  });

  it("withdraws on the reporter's CLOSED; moves the state on the union's FIXED; refuses the union's bare CLOSED", async () => {
    const a = await fileOverpricing(h);
    expect(
      (
        await fmsPost('json', {
          api_key: a.access_token,
          service_request_id: a.service_request_id,
          status: 'CLOSED',
        })
      ).status,
    ).toBe(201);
    expect((await full(a.service_request_id)).substatus).toBe('withdrawn');

    const b = await fileOverpricing(h);
    const union = { api_key: h.token(UNION), service_request_id: b.service_request_id };
    await expectPersianError(await fmsPost('json', { ...union, status: 'CLOSED' }), 400, 'validation');
    const res = await fmsPost('json', { ...union, status: 'fixed', description: 'جریمه شد.' });
    expect(res.status).toBe(201);
    const after = await full(b.service_request_id);
    expect(after.substatus).toBe('violation_found');
    expect(
      after.notes.some((n) => n.author === 'union' && n.type === 'reply' && n.text === 'جریمه شد.'),
    ).toBe(true);
  });

  it('asks for a credential (401) before anything else, and answers a wrong one exactly as an unknown id', async () => {
    const a = await fileOverpricing(h);
    const b = await fileOverpricing(h);
    await expectPersianError(
      await fmsPost('json', { service_request_id: a.service_request_id, status: 'OPEN', description: 'x' }),
      401,
      'unauthorized',
    );
    const wrong = await fmsPost('json', {
      api_key: b.access_token,
      service_request_id: a.service_request_id,
      status: 'OPEN',
      description: 'x',
    });
    const unknown = await fmsPost('json', {
      api_key: b.access_token,
      service_request_id: 'ZZZZZZZZ',
      status: 'OPEN',
      description: 'x',
    });
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toBe(await unknown.text());
    await expectPersianError(
      await fmsPost('json', {
        api_key: a.access_token,
        service_request_id: a.service_request_id,
        status: 'SOMETHING',
      }),
      400,
      'validation',
    );
  });
});

describe("the app's own update shape beside it", () => {
  it('still takes {action} and answers the updated request, in JSON and in XML', async () => {
    const c = await fileOverpricing(h);
    const auth = { Authorization: `Bearer ${c.access_token}` };
    const res = await h.post(
      '/open311/v2/servicerequestupdates.json',
      { service_request_id: c.service_request_id, action: 'follow_up', description: 'یک پیگیری' },
      auth,
    );
    expect(res.status).toBe(201);
    const [created] = ServiceRequestUpdateResponseSchema.parse(await res.json());
    expect(created!.request.notes.at(-1)?.text).toBe('یک پیگیری');
    const xmlRes = await h.post(
      '/open311/v2/servicerequestupdates.xml',
      { service_request_id: c.service_request_id, action: 'follow_up', description: 'پیگیری دوم' },
      auth,
    );
    expect(xmlRes.status).toBe(201);
    await xmlAnswer(xmlRes, SHAPES.appUpdateCreated);
  });
});

describe('GET servicerequestupdates', () => {
  it("feeds the union's answers and changes of state in the window, never the reporter's words, in both formats", async () => {
    clock = T0 + 30 * DAY;
    const c = await fileOverpricing(h);
    await h.post(
      '/open311/v2/servicerequestupdates.json',
      { service_request_id: c.service_request_id, action: 'follow_up', description: 'حرف خصوصی شاکی' },
      { Authorization: `Bearer ${c.access_token}` },
    );
    clock = T0 + 31 * DAY;
    const posted = await fmsPost('json', {
      api_key: h.token(UNION),
      service_request_id: c.service_request_id,
      status: 'INVESTIGATING',
      description: 'بازرس اعزام شد.',
    });
    clock = T0 + 40 * DAY;
    const start = new Date(T0 + 29 * DAY).toISOString();
    const end = new Date(T0 + 32 * DAY).toISOString();
    const { json } = await bothFormats(
      h,
      `/open311/v2/servicerequestupdates.{f}?start_date=${start}&end_date=${end}`,
      SHAPES.updateFeed,
      listOf('service_request_updates', 'request_update'),
    );
    const feed = RequestUpdatesResponseSchema.parse(json);
    // One update (a reply and the change of state it made) is one entry, with the state it left
    // and the update_id its POST answered.
    const [answered] = FmsUpdateCreatedSchema.parse(await posted.json());
    expect(feed).toEqual([
      {
        update_id: answered!.update_id,
        service_request_id: c.service_request_id,
        status: 'INVESTIGATING',
        updated_datetime: new Date(T0 + 31 * DAY).toISOString(),
        description: 'بازرس اعزام شد.',
      },
    ]);
    expect(JSON.stringify(feed)).not.toContain('حرف خصوصی شاکی');
    // A change of state with no words of its own reads as that change, in the reader's language.
    clock = T0 + 31 * DAY + 60_000;
    await fmsPost('json', {
      api_key: h.token(UNION),
      service_request_id: c.service_request_id,
      status: 'FIXED',
    });
    const wordless = async (headers: Record<string, string> = {}) =>
      RequestUpdatesResponseSchema.parse(
        await (
          await h.get(`/open311/v2/servicerequestupdates.json?start_date=${start}&end_date=${end}`, {
            headers,
          })
        ).json(),
      ).at(-1)!;
    const fa = await wordless();
    const en = await wordless({ 'Accept-Language': 'en' });
    expect(fa.status).toBe('FIXED');
    expect(fa.description).toMatch(/[\u0600-\u06FF]/);
    expect(en.description).not.toMatch(/[\u0600-\u06FF]/);
    expect(en.description).not.toBe('');
    // Outside the window: nothing.
    const later = await h.get(
      `/open311/v2/servicerequestupdates.json?start_date=${new Date(T0 + 33 * DAY).toISOString()}&end_date=${new Date(T0 + 40 * DAY).toISOString()}`,
    );
    expect(await later.json()).toEqual([]);
    clock = T0;
  });

  it('refuses a window over 90 days or a date that is not W3C, in the format asked for', async () => {
    const xml = await xmlAnswer(
      await h.get(
        '/open311/v2/servicerequestupdates.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-12-01T00:00:00Z',
      ),
      SHAPES.errors,
    );
    expect(asXmlText(xml)).toMatchObject({ errors: { error: [{ code: 'bad-query' }] } });
    await expectPersianError(
      await h.get('/open311/v2/servicerequestupdates.json?start_date=01/02/2026'),
      400,
      'bad-query',
    );
  });
});
