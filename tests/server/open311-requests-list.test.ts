import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceRequestPublicResponseSchema } from '../../src/api/index.ts';
import { expectPersianError, FIRST_GLN, fileOverpricing, type Harness, startServer } from './harness.ts';
import { SHAPES, xmlAnswer } from './open311-shapes.ts';

// GeoReport v2, GET Service Requests, with the clock stepped so filings land on known dates.

const DAY = 86_400_000;
const T0 = Date.parse('2026-06-01T12:00:00Z');
let clock = T0;
let h: Harness;
beforeAll(async () => {
  h = await startServer({ now: () => new Date(clock) });
});
afterAll(() => h.stop());

async function list(query: string) {
  const res = await h.get(`/open311/v2/requests.json${query}`);
  expect(res.status).toBe(200);
  return ServiceRequestPublicResponseSchema.parse(await res.json());
}
const ids = (l: { service_request_id: string }[]) => l.map((r) => r.service_request_id).sort();

async function fileAt(at: number, extra: Record<string, unknown> = {}) {
  clock = at;
  const filed = await fileOverpricing(h, extra);
  clock = T0;
  return filed.service_request_id;
}

async function noInvoiceAt(at: number) {
  clock = at;
  const res = await h.post('/open311/v2/requests.json', {
    service_code: 'no_invoice',
    address_id: FIRST_GLN,
  });
  clock = T0;
  return ((await res.json()) as { service_request_id: string }[])[0]!.service_request_id;
}

let old: string;
let recent: string;
let today: string;
let invoice: string;
let closed: string;
beforeAll(async () => {
  old = await fileAt(T0 - 120 * DAY);
  recent = await fileAt(T0 - 10 * DAY);
  invoice = await noInvoiceAt(T0 - 5 * DAY);
  closed = await fileAt(T0 - 3 * DAY);
  today = await fileAt(T0);
  const res = await h.post(
    '/open311/v2/servicerequestupdates.json',
    {
      service_request_id: closed,
      action: 'reply',
      substatus: 'no_violation',
      description: 'تخلفی دیده نشد.',
    },
    { Authorization: `Bearer ${h.token('union-4711-tehran')}` },
  );
  expect(res.status).toBe(201);
});

describe('GET requests', () => {
  it('defaults to the last 90 days ("Default query limit is a span of 90 days or first 1000 requests returned")', async () => {
    const got = ids(await list(''));
    expect(got).toEqual([recent, invoice, closed, today].sort());
    expect(got).not.toContain(old);
  });

  it('takes start_date and end_date as W3C date-times, and refuses a span over 90 days', async () => {
    const start = new Date(T0 - 130 * DAY).toISOString();
    const end = new Date(T0 - 100 * DAY).toISOString();
    expect(ids(await list(`?start_date=${start}&end_date=${end}`))).toEqual([old]);
    expect(
      ids(await list(`?start_date=${new Date(T0 - 4 * DAY).toISOString().replace('Z', '%2B00:00')}`)),
    ).toEqual([closed, today].sort());
    expect(ids(await list(`?end_date=${new Date(T0 - 100 * DAY).toISOString()}`))).toEqual([old]);
    // "may not span more than 90 days"
    await expectPersianError(
      await h.get(`/open311/v2/requests.json?start_date=${start}&end_date=${new Date(T0).toISOString()}`),
      400,
      'bad-query',
    );
    await expectPersianError(await h.get('/open311/v2/requests.json?start_date=last-week'), 400, 'bad-query');
  });

  it('filters by service_code and by status (open, closed, comma delimited)', async () => {
    expect(ids(await list('?service_code=no_invoice'))).toEqual([invoice]);
    expect(ids(await list('?service_code=no_invoice,overpricing'))).toEqual(
      [recent, invoice, closed, today].sort(),
    );
    expect(ids(await list('?status=closed'))).toEqual([closed]);
    expect(ids(await list('?status=open'))).toEqual([recent, invoice, today].sort());
    expect(ids(await list('?status=open,closed'))).toHaveLength(4);
    await expectPersianError(await h.get('/open311/v2/requests.json?status=pending'), 400, 'bad-query');
  });

  it('takes a comma list of service_request_id, which "overrides all other arguments"', async () => {
    expect(
      ids(await list(`?service_request_id=${old},${today}&status=closed&service_code=no_invoice`)),
    ).toEqual([old, today].sort());
  });

  it('answers public views (no evidence, no contact) newest first, in XML as <service_requests><request>', async () => {
    const l = await list('');
    expect(l.map((r) => r.requested_datetime)).toEqual(
      [...l.map((r) => r.requested_datetime)].sort().reverse(),
    );
    expect(JSON.stringify(l)).not.toContain('price_paid');
    const xml = await xmlAnswer(await h.get('/open311/v2/requests.xml?status=closed'), SHAPES.publicRequests);
    const [one] = (xml.service_requests as { request: { service_request_id: string; status: string }[] })
      .request;
    expect(one).toMatchObject({ service_request_id: closed, status: 'closed' });
  });
});

describe('the 1,000 cap', () => {
  it('returns the newest 1,000 when more fall in the window', async () => {
    const filed: string[] = [];
    clock = T0 - 1 * DAY;
    for (let batch = 0; batch < 1000; batch += 50)
      filed.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, async () => {
            const res = await h.post('/open311/v2/requests.json', {
              service_code: 'no_invoice',
              address_id: FIRST_GLN,
            });
            return ((await res.json()) as { service_request_id: string }[])[0]!.service_request_id;
          }),
        )),
      );
    clock = T0;
    const all = await list('');
    expect(all).toHaveLength(1000);
    // `today` is the newest and is in; `recent` (10 days back) is pushed out by the 1,000 newer ones.
    expect(ids(all)).toContain(today);
    expect(ids(all)).not.toContain(recent);
  }, 60_000);
});
