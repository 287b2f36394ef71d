import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_GLN, type Harness, startServer } from './harness.ts';
import { checkXml, SHAPES } from './open311-shapes.ts';

// A whole exchange as an XML-only Open311 client (FixMyStreet's kind) makes it: it knows only the
// discovery URL, reads nothing but XML, and files, follows up and pulls the union's answer. No
// third-party Open311 client package installs here (npm's `open311` needs a git dependency from
// a host this machine cannot reach), so the client is these steps, each checked against its shape.

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h.stop());

const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) =>
    ['service', 'attribute', 'request', 'request_update', 'endpoint', 'format', 'value'].includes(name),
});
type Doc = Record<string, Record<string, Record<string, string>[]>>;

async function getXml(url: string, shape: Parameters<typeof checkXml>[1]): Promise<Doc> {
  const res = await fetch(url);
  const text = await res.text();
  expect(res.status, text).toBe(200);
  checkXml(text, shape);
  return parser.parse(text) as Doc;
}

async function postXml(
  url: string,
  fields: Record<string, string>,
  shape: Parameters<typeof checkXml>[1],
): Promise<Doc> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Install-Token': h.installToken },
    body: new URLSearchParams(fields).toString(),
  });
  const text = await res.text();
  expect(res.status, text).toBe(201);
  checkXml(text, shape);
  return parser.parse(text) as Doc;
}

describe('an XML-only Open311 client, start to finish', () => {
  it('discovers, files, follows up and pulls the union answer without reading any JSON', async () => {
    const discovery = await getXml(`${h.url}/open311/discovery.xml`, SHAPES.discovery);
    const endpoint = (discovery.discovery as unknown as { endpoints: { endpoint: { url: string }[] } })
      .endpoints.endpoint[0]!.url;

    const services = await getXml(`${endpoint}/services.xml`, SHAPES.services);
    const overpricing = services.services!.service!.find((s) => s.service_code === 'overpricing')!;
    expect(overpricing.metadata).toBe('true');

    const definition = (await getXml(`${endpoint}/services/overpricing.xml`, SHAPES.serviceDefinition))
      .service_definition as unknown as { attributes: { attribute: { code: string; required: string }[] } };
    const required = definition.attributes.attribute.filter((a) => a.required === 'true').map((a) => a.code);
    expect(required).toContain('price_paid');

    const filed = await postXml(
      `${endpoint}/requests.xml`,
      {
        api_key: 'client-key',
        service_code: 'overpricing',
        address_id: FIRST_GLN,
        description: 'قیمت بیشتر از برچسب',
        email: 'user@example.org',
        ...Object.fromEntries(required.map((code) => [`attribute[${code}]`, '150000'])),
      },
      SHAPES.created,
    );
    const created = filed.service_requests!.request![0]!;
    expect(created.service_notice).toContain('اتحادیه');

    const shown = await getXml(
      `${endpoint}/requests/${created.service_request_id}.xml`,
      SHAPES.publicRequests,
    );
    expect(shown.service_requests!.request![0]!.status).toBe('open');

    const followUp = await postXml(
      `${endpoint}/servicerequestupdates.xml`,
      {
        api_key: created.access_token!,
        service_request_id: created.service_request_id!,
        update_id: '1',
        status: 'OPEN',
        description: 'هنوز همان قیمت است.',
      },
      SHAPES.fmsUpdateCreated,
    );
    expect(followUp.service_request_updates!.request_update![0]!.update_id).toMatch(/^\d+$/);

    // The union answers (from its desk, in its own shape).
    const reply = await h.post(
      '/open311/v2/servicerequestupdates.json',
      {
        service_request_id: created.service_request_id,
        action: 'reply',
        substatus: 'hearing_scheduled',
        description: 'جلسهٔ رسیدگی شنبه است.',
      },
      { Authorization: `Bearer ${h.token('union-4711-tehran')}` },
    );
    expect(reply.status).toBe(201);

    const since = new Date(Date.now() - 3_600_000).toISOString();
    const feed = await getXml(`${endpoint}/servicerequestupdates.xml?start_date=${since}`, SHAPES.updateFeed);
    const mine = feed.service_request_updates!.request_update!.filter(
      (u) => u.service_request_id === created.service_request_id,
    );
    expect(mine).toEqual([
      expect.objectContaining({ status: 'ACTION_SCHEDULED', description: 'جلسهٔ رسیدگی شنبه است.' }),
    ]);
  });
});
