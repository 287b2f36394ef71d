import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscoverySchema, ServiceDefinitionSchema, ServiceSchema } from '../../src/api/index.ts';
import { approveWords } from './approve-words.ts';
import { FIRST_GLN, fileOverpricing, type Harness, startServer } from './harness.ts';
import { asXmlText, bothFormats, listOf, objectAs, SHAPES, xmlAnswer } from './open311-shapes.ts';

// GeoReport v2, Format Support: "XML is a required format, but JSON can be provided at the
// discretion of the API provider ... The client can specify the desired format by appending the
// format name to the resource." Every method is asked for in both, and the XML must hold the
// same content as the JSON, in Open311's element names.

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h.stop());

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Install-Token': h.installToken },
  body: new URLSearchParams(fields).toString(),
});

/** The app install's token, which every write carries. */
const signed = (init: ReturnType<typeof form>, token: string) => ({
  ...init,
  headers: { ...init.headers, 'X-Install-Token': token },
});

describe('service discovery', () => {
  it('answers /discovery in both formats ("This url must end in /discovery. Format must be both: xml, json")', async () => {
    const { json } = await bothFormats(h, '/open311/discovery.{f}', SHAPES.discovery, objectAs('discovery'));
    const d = DiscoverySchema.parse(json);
    expect(d.endpoints[0]!.url).toBe(`${h.url}/open311/v2`);
    expect(d.endpoints[0]!.specification).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(d.endpoints[0]!.formats).toEqual(['text/xml', 'application/json']);
    // The endpoint it names is the one that answers.
    expect((await h.get(`${new URL(d.endpoints[0]!.url).pathname}/services.xml`)).status).toBe(200);
  });
});

describe('GET services and service definitions', () => {
  it('lists the categories as <services><service>', async () => {
    const { json } = await bothFormats(
      h,
      '/open311/v2/services.{f}',
      SHAPES.services,
      listOf('services', 'service'),
    );
    expect(ServiceSchema.array().parse(json).length).toBeGreaterThan(10);
  });

  it('describes a category as <service_definition> with <attributes><attribute> and <values><value>', async () => {
    const { json } = await bothFormats(
      h,
      '/open311/v2/services/no_plate.{f}',
      SHAPES.serviceDefinition,
      objectAs('service_definition'),
    );
    const def = ServiceDefinitionSchema.parse(json);
    expect(def.attributes.some((a) => a.values && a.values.length > 0)).toBe(true);
  });
});

describe('POST requests in XML, as FixMyStreet files', () => {
  it('files a form-encoded request at requests.xml and answers <service_requests><request><service_request_id>', async () => {
    const res = await fetch(
      `${h.url}/open311/v2/requests.xml`,
      form({
        api_key: 'fixmystreet',
        jurisdiction_id: 'kala-be-fi',
        service_code: 'overpricing',
        address_id: FIRST_GLN,
        'attribute[price_paid]': '150000',
        description: 'قیمت بیشتر از برچسب',
        email: 'reporter@example.org',
        first_name: 'Sara',
        last_name: 'Ahmadi',
      }),
    );
    expect(res.status).toBe(201);
    const xml = await xmlAnswer(res, SHAPES.created);
    const [request] = (xml.service_requests as { request: { service_request_id: string }[] }).request;
    expect(request!.service_request_id).toMatch(/^[0-9A-Z]{8}$/);
    // What was filed is there: the public view in JSON names it.
    expect((await h.get(`/open311/v2/requests/${request!.service_request_id}.json`)).status).toBe(200);
  });

  it('answers an invalid request as <errors><error><code/><description/></error></errors>', async () => {
    const res = await fetch(
      `${h.url}/open311/v2/requests.xml`,
      form({ service_code: 'overpricing', address_id: FIRST_GLN }),
    );
    expect(res.status).toBe(400);
    const xml = await xmlAnswer(res, SHAPES.errors);
    const errors = (xml.errors as { error: { code: string; description: string }[] }).error;
    expect(errors[0]!.code).toBe('validation');
    expect(errors[0]!.description).toContain('price_paid');
  });
});

describe('GET requests, one request and tokens', () => {
  it('answers the list, one request (public and full) and a token in both formats', async () => {
    const filed = await fileOverpricing(h, { publish: true });
    const id = filed.service_request_id;
    await bothFormats(
      h,
      `/open311/v2/requests.{f}?service_request_id=${id}`,
      SHAPES.publicRequests,
      listOf('service_requests', 'request'),
    );
    await bothFormats(
      h,
      `/open311/v2/requests/${id}.{f}`,
      SHAPES.publicRequests,
      listOf('service_requests', 'request'),
    );
    await bothFormats(
      h,
      `/open311/v2/requests/${id}.{f}`,
      SHAPES.fullRequests,
      listOf('service_requests', 'request'),
      {
        headers: { Authorization: `Bearer ${filed.access_token}` },
      },
    );
    await bothFormats(
      h,
      `/open311/v2/tokens/${id}.{f}`,
      SHAPES.tokens,
      listOf('service_requests', 'request'),
    );
  });

  it('answers an empty list as an empty <service_requests/>', async () => {
    const { json } = await bothFormats(
      h,
      '/open311/v2/requests.{f}?service_request_id=NOSUCHID',
      SHAPES.publicRequests,
      listOf('service_requests', 'request'),
    );
    expect(json).toEqual([]);
  });
});

describe('errors in the format asked for', () => {
  it('gives every error as <errors> in XML and as a JSON array with charset=utf-8', async () => {
    for (const path of [
      '/open311/v2/services/nope.{f}',
      '/open311/v2/requests/ZZZZZZZZ.{f}',
      '/open311/v2/tokens/nothing.{f}',
      '/open311/v2/requests.{f}?start_date=yesterday',
      '/open311/v2/nothing-here.{f}',
    ]) {
      const { status, json } = await bothFormats(h, path, SHAPES.errors, listOf('errors', 'error'));
      expect(status, path).toBeGreaterThanOrEqual(400);
      expect((json as unknown[]).length).toBeGreaterThan(0);
    }
  });

  it('gives a body over the limit as a 413 <errors> document', async () => {
    const res = await fetch(`${h.url}/open311/v2/requests.xml`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Install-Token': h.installToken },
      body: `description=${'x'.repeat(70 * 1024)}`,
    });
    expect(res.status).toBe(413);
    await xmlAnswer(res, SHAPES.errors);
  });
});

describe('refusals from before the route', () => {
  it("gives the rate limit's 429 as <errors> to an XML client", async () => {
    const tight = await startServer({ limits: { install: { burst: 1, perSecond: 0.001 } } });
    try {
      const post = () =>
        fetch(
          `${tight.url}/open311/v2/requests.xml`,
          signed(form({ service_code: 'no_invoice', address_id: FIRST_GLN }), tight.installToken),
        );
      expect((await post()).status).toBe(201);
      const res = await post();
      expect(res.status).toBe(429);
      const xml = await xmlAnswer(res, SHAPES.errors);
      expect((xml.errors as { error: { code: string }[] }).error[0]!.code).toBe('rate-limited');
    } finally {
      await tight.stop();
    }
  });
});

describe('format negotiation', () => {
  it('takes the suffix first, then ?format=, then Accept; JSON when nothing is said', async () => {
    const type = async (path: string, accept?: string) =>
      (await h.get(path, accept ? { headers: { Accept: accept } } : {})).headers.get('content-type');
    expect(await type('/open311/v2/services.xml', 'application/json')).toBe('text/xml; charset=utf-8');
    expect(await type('/open311/v2/services.json', 'text/xml')).toBe('application/json; charset=utf-8');
    expect(await type('/open311/v2/services?format=xml')).toBe('text/xml; charset=utf-8');
    expect(await type('/open311/v2/services?format=json', 'text/xml')).toBe(
      'application/json; charset=utf-8',
    );
    expect(await type('/open311/v2/services', 'text/xml')).toBe('text/xml; charset=utf-8');
    expect(await type('/open311/v2/services', 'application/xml, application/json;q=0.5')).toBe(
      'text/xml; charset=utf-8',
    );
    expect(await type('/open311/v2/services')).toBe('application/json; charset=utf-8');
    expect((await h.get('/open311/v2/services')).headers.get('vary')).toContain('Accept');
  });

  it('answers the bare name in the negotiated format with the same content', async () => {
    const json = await (await h.get('/open311/v2/services')).json();
    const xml = await xmlAnswer(await h.get('/open311/v2/services?format=xml'), SHAPES.services);
    expect(xml).toEqual(listOf('services', 'service')(asXmlText(json)));
  });
});

describe('text in XML', () => {
  it('escapes markup characters and replaces characters XML 1.0 cannot carry, so the document stays well formed', async () => {
    const description = 'قیمت <b>۱۵۰٬۰۰۰</b> & "برچسب" \'۱۲۰\' \u0001 ]]> 😀';
    const filed = await fileOverpricing(h, { description, publish: true });
    await approveWords(h, filed.service_request_id);
    const res = await h.get(`/open311/v2/requests/${filed.service_request_id}.xml`);
    const xml = await xmlAnswer(res, SHAPES.publicRequests);
    const [request] = (xml.service_requests as { request: { description: string }[] }).request;
    expect(request!.description).toBe(description.replace('\u0001', '\uFFFD'));
  });
});
