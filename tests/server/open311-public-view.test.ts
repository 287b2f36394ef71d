import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MediaUploadResultSchema,
  ServiceRequestPublicResponseSchema,
  ServiceRequestResponseSchema,
} from '../../src/api/index.ts';
import { approveWords } from './approve-words.ts';
import { FIRST_GLN, fileOverpricing, type Harness, startServer } from './harness.ts';
import { SHAPES, xmlAnswer } from './open311-shapes.ts';

// GeoReport v2, GET Service Request: "Requires API Key: No". Anyone may read a complaint; what
// they read is the public view: category, shop, state and outcome, dates and the union's public
// answers. The reporter's contact details and evidence never; the description and photos only
// when the reporter agreed to publish them. The reporter's token (or the union's) opens the full view.

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h.stop());

const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
const CONTACT = {
  email: 'reporter@example.org',
  phone: '+98 912 000 0000',
  first_name: 'سارا',
  last_name: 'احمدی',
};

async function publicView(id: string) {
  const res = await h.get(`/open311/v2/requests/${id}.json`);
  expect(res.status).toBe(200);
  const [view] = ServiceRequestPublicResponseSchema.parse(await res.json());
  return view!;
}

async function photo(): Promise<string> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
    .png()
    .toBuffer();
  const res = await fetch(`${h.url}/api/v1/media`, {
    method: 'POST',
    headers: { 'Content-Type': 'image/png', 'X-Install-Token': h.installToken },
    body: new Uint8Array(png),
  });
  return MediaUploadResultSchema.parse(await res.json()).url;
}

async function unionReply(id: string, description: string) {
  const res = await h.post(
    '/open311/v2/servicerequestupdates.json',
    { service_request_id: id, action: 'reply', substatus: 'under_review', description },
    { Authorization: `Bearer ${h.token('union-4711-tehran')}` },
  );
  expect(res.status).toBe(201);
}

describe('the public view', () => {
  it('shows category, shop, state, dates and the union answer, and nothing of the reporter by default', async () => {
    const media = await photo();
    const filed = await fileOverpricing(h, { ...CONTACT, media_url: media, device_id: 'device-of-reporter' });
    await unionReply(filed.service_request_id, 'بازرس فردا مراجعه می‌کند.');
    await h.post(
      '/open311/v2/servicerequestupdates.json',
      {
        service_request_id: filed.service_request_id,
        action: 'follow_up',
        description: 'فروشنده مرا تهدید کرد',
      },
      { Authorization: `Bearer ${filed.access_token}` },
    );
    const res = await h.get(`/open311/v2/requests/${filed.service_request_id}.json`);
    const raw = await res.text();
    const [view] = ServiceRequestPublicResponseSchema.parse(JSON.parse(raw));
    expect(view).toMatchObject({
      service_request_id: filed.service_request_id,
      service_code: 'overpricing',
      status: 'open',
      substatus: 'under_review',
      address_id: FIRST_GLN,
      status_notes: 'بازرس فردا مراجعه می‌کند.',
    });
    expect(view!.agency_responsible).toContain('اتحادیه');
    expect(view!.notes.some((n) => n.author === 'union' && n.text === 'بازرس فردا مراجعه می‌کند.')).toBe(true);
    // Not published: no description, no photo, no evidence; never contact details or the reporter's words.
    expect(view!.description).toBeUndefined();
    expect(view!.media_url).toBeUndefined();
    for (const secret of [
      'قیمت بیشتر از برچسب',
      '150000',
      'price_paid',
      'reporter@example.org',
      '912',
      'سارا',
      'احمدی',
      'device-of-reporter',
      'فروشنده مرا تهدید کرد',
      media,
      filed.access_token,
    ])
      expect(raw, secret).not.toContain(secret);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('shows the description and photos only when the reporter agreed to publish them and the union approved them, photos as absolute URLs', async () => {
    const media = await photo();
    const filed = await fileOverpricing(h, { ...CONTACT, media_url: media, publish: true });
    const waiting = await publicView(filed.service_request_id);
    expect(waiting.description).toBeUndefined();
    expect(waiting.media_url).toBeUndefined();
    await approveWords(h, filed.service_request_id);
    const view = await publicView(filed.service_request_id);
    expect(view.description).toBe('قیمت بیشتر از برچسب');
    expect(view.media_url).toBe(`${h.url}${media}`);
    expect(JSON.stringify(view)).not.toContain('reporter@example.org');
    expect(JSON.stringify(view)).not.toContain('price_paid');
    // A photo read back is a URL a client can load as it is.
    expect((await fetch(view.media_url!)).headers.get('content-type')).toBe('image/png');
  });

  it('takes the consent from a form as Open311 clients send it (publish=true), and false by default', async () => {
    const post = (extra: Record<string, string>) =>
      fetch(`${h.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Install-Token': h.installToken },
        body: new URLSearchParams({
          service_code: 'no_invoice',
          address_id: FIRST_GLN,
          description: 'فاکتور نداد',
          ...extra,
        }).toString(),
      });
    const yes = (await (await post({ publish: 'true' })).json())[0].service_request_id;
    const no = (await (await post({})).json())[0].service_request_id;
    await approveWords(h, yes);
    expect((await publicView(yes)).description).toBe('فاکتور نداد');
    expect((await publicView(no)).description).toBeUndefined();
  });

  it('keeps a place the reporter typed (a shop with no plate) private unless published', async () => {
    const body = {
      service_code: 'no_plate',
      lat: 35.7353,
      long: 51.3247,
      address_string: 'کنار در خانهٔ من، کوچهٔ ۱۲',
      attribute: { guild_code: '4711' },
    };
    const hidden = (await (await h.post('/open311/v2/requests.json', body)).json())[0].service_request_id;
    const shown = (await (await h.post('/open311/v2/requests.json', { ...body, publish: true })).json())[0]
      .service_request_id;
    const a = await publicView(hidden);
    expect(a.address).toBeUndefined();
    expect(a.lat).toBeUndefined();
    const b = await publicView(shown);
    expect(b.address).toBe('کنار در خانهٔ من، کوچهٔ ۱۲');
    expect(b.lat).toBe(35.7353);
  });

  it('is the public view in XML too', async () => {
    const filed = await fileOverpricing(h, CONTACT);
    const res = await h.get(`/open311/v2/requests/${filed.service_request_id}.xml`);
    const text = await res.clone().text();
    await xmlAnswer(res, SHAPES.publicRequests);
    expect(text).not.toContain('reporter@example.org');
    expect(text).not.toContain('<attribute>');
  });
});

describe('the full view behind the token', () => {
  it("gives the reporter's token, and the responsible union's, everything", async () => {
    const filed = await fileOverpricing(h, CONTACT);
    for (const token of [filed.access_token, h.token('union-4711-tehran')]) {
      const res = await h.get(`/open311/v2/requests/${filed.service_request_id}.json`, bearer(token));
      const [full] = ServiceRequestResponseSchema.parse(await res.json());
      expect(full!.description).toBe('قیمت بیشتر از برچسب');
      expect(full!.attribute).toMatchObject({ price_paid: 150000 });
    }
  });

  it('answers a token that opens nothing exactly as an unknown id: same status, headers and body', async () => {
    const a = await fileOverpricing(h);
    const b = await fileOverpricing(h);
    const answers = await Promise.all(
      [
        h.get(`/open311/v2/requests/${a.service_request_id}.json`, bearer(b.access_token)),
        h.get(`/open311/v2/requests/${a.service_request_id}.json`, bearer(h.token('union-4771-tehran'))),
        h.get(`/open311/v2/requests/${a.service_request_id}.json`, bearer('not-a-token-at-all')),
        h.get(`/open311/v2/requests/${a.service_request_id}.json`, {
          headers: { Authorization: 'Basic abc' },
        }),
        h.get('/open311/v2/requests/ZZZZZZZZ.json', bearer(a.access_token)),
        h.get('/open311/v2/requests/ZZZZZZZZ.json'),
      ].map(async (p) => {
        const r = await p;
        // The date and the request's own id differ on every answer, whatever it says.
        const headers = [...r.headers].filter(([k]) => k !== 'date' && k !== 'x-request-id');
        return { status: r.status, headers, body: await r.text() };
      }),
    );
    expect(answers[0]!.status).toBe(404);
    for (const other of answers.slice(1)) expect(other).toEqual(answers[0]);
  });
});
