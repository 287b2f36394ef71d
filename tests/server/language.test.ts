import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceRequestResponseSchema } from '../../src/api/index.ts';
import { pickLanguage } from '../../src/server/i18n.ts';
import { FIRST_GLN, fileOverpricing, type Harness, isPersian, startServer } from './harness.ts';

// The service words errors, notices and notes from locales/: Persian by default, English when
// the request's Accept-Language prefers it; notes travel as codes whatever the language.

const EN = { 'Accept-Language': 'en-GB,en;q=0.9,fa;q=0.5' };

describe('Accept-Language (RFC 9110 §12.5.4: the highest-weighted range the service has)', () => {
  it('takes English when it outweighs Persian, and Persian otherwise or when nothing matches', () => {
    expect(pickLanguage('en-US,en;q=0.9')).toBe('en');
    expect(pickLanguage('fa;q=0.8,en;q=0.9')).toBe('en');
    expect(pickLanguage('en;q=0.5,fa')).toBe('fa');
    expect(pickLanguage('de-DE,fr')).toBe('fa');
    expect(pickLanguage(undefined)).toBe('fa');
  });
});

describe('the service speaks the request language', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(() => h.stop());

  it('answers a bad check digit in English when asked, with the same code as in Persian', async () => {
    const bad = `${FIRST_GLN.slice(0, 12)}${(Number(FIRST_GLN[12]) + 1) % 10}`;
    const en = await h.get(`/api/v1/locations/${bad}`, { headers: EN });
    const fa = await h.get(`/api/v1/locations/${bad}`);
    const [enErr] = (await en.json()) as { code: string; description: string }[];
    const [faErr] = (await fa.json()) as { code: string; description: string }[];
    expect(enErr!.code).toBe('bad-check-digit');
    expect(faErr!.code).toBe('bad-check-digit');
    expect(enErr!.description).toMatch(/check digit/);
    expect(isPersian(enErr!.description)).toBe(false);
    expect(isPersian(faErr!.description)).toBe(true);
  });

  it("prefers the app's language cookie to the browser's Accept-Language", async () => {
    const bad = `${FIRST_GLN.slice(0, 12)}${(Number(FIRST_GLN[12]) + 1) % 10}`;
    const fa = await h.get(`/api/v1/locations/${bad}`, { headers: { ...EN, Cookie: 'kbf-lang=fa' } });
    const en = await h.get(`/api/v1/locations/${bad}`, { headers: { Cookie: 'kbf-lang=en' } });
    expect(isPersian(((await fa.json()) as { description: string }[])[0]!.description)).toBe(true);
    expect(isPersian(((await en.json()) as { description: string }[])[0]!.description)).toBe(false);
  });

  it('words evidence rejections from the same strings the form shows', async () => {
    const res = await h.post(
      '/open311/v2/requests.json',
      { service_code: 'overpricing', address_id: FIRST_GLN, attribute: { price_paid: 'lots' } },
      EN,
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; description: string }[];
    expect(body).toEqual([{ code: 'validation', description: 'Evidence “price_paid”: Enter a number.' }]);
  });

  it('stores the filing notice and decisions as codes, and words service_notice per reader', async () => {
    const c = await fileOverpricing(h);
    const auth = { Authorization: `Bearer ${c.access_token}` };
    const decided = await h.post(
      '/open311/v2/servicerequestupdates.json',
      { service_request_id: c.service_request_id, action: 'reply', substatus: 'under_review' },
      { Authorization: `Bearer ${h.token('union-4711-tehran')}` },
    );
    expect(decided.status).toBe(201);
    const read = async (headers: Record<string, string>) =>
      ServiceRequestResponseSchema.parse(
        await (await h.get(`/open311/v2/requests/${c.service_request_id}.json`, { headers })).json(),
      )[0]!;
    const en = await read({ ...auth, ...EN });
    const fa = await read(auth);
    expect(en.service_notice).toMatch(/^Your complaint was sent to .+ Art\. 72/);
    expect(fa.service_notice).toMatch(/مادهٔ ۷۲/);
    expect(en.notes.map((n) => [n.type, n.code ?? null, n.text])).toEqual([
      ['created', 'notice.union', ''],
      ['reply', null, ''],
      ['status_change', 'status', ''],
    ]);
    expect(fa.notes).toEqual(en.notes);
  });

  it('refuses a move the lifecycle forbids in English, naming both states', async () => {
    const c = await fileOverpricing(h);
    const union = { Authorization: `Bearer ${h.token('union-4711-tehran')}`, ...EN };
    const update = (substatus: string) =>
      h.post(
        '/open311/v2/servicerequestupdates.json',
        { service_request_id: c.service_request_id, action: 'reply', substatus },
        union,
      );
    expect((await update('duplicate')).status).toBe(201);
    const refused = await update('under_review');
    expect(refused.status).toBe(409);
    const [e] = (await refused.json()) as { code: string; description: string }[];
    expect(e).toEqual({
      code: 'invalid-transition',
      description: 'Moving from “Duplicate complaint” to “Under review” is not allowed.',
    });
  });
});

describe('what the Open311 exchange and the abuse limits added, in the request language', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(() => h.stop());

  it('words discovery, a FixMyStreet refusal and a missing install token in English when asked', async () => {
    // GeoReport v2, Service Discovery: "contact" and "key_service" are human-readable text.
    const en = (await (await h.get('/open311/discovery.json', { headers: EN })).json()) as {
      contact: string;
      key_service: string;
    };
    const fa = (await (await h.get('/open311/discovery.json')).json()) as typeof en;
    expect(en.contact).toMatch(/^Kala Be Fi: /);
    expect(isPersian(en.key_service)).toBe(false);
    expect(fa.key_service).toBe(
      'برای ثبت و خواندن کلید لازم نیست. هر شکایت رمز پیگیری خودش را هنگام ثبت می‌گیرد.',
    );

    const c = await fileOverpricing(h);
    const closed = await h.post(
      '/open311/v2/servicerequestupdates.json',
      { service_request_id: c.service_request_id, status: 'CLOSED', update_id: 'u1', description: 'done' },
      { Authorization: `Bearer ${h.token('union-4711-tehran')}`, ...EN },
    );
    expect(closed.status).toBe(400);
    const [refusal] = (await closed.json()) as { code: string; description: string }[];
    expect(refusal!.description).toMatch(/^The status CLOSED does not say the outcome/);

    const anonymous = await h.post(
      '/open311/v2/requests.json',
      { service_code: 'overpricing', address_id: FIRST_GLN },
      { 'X-Install-Token': '', ...EN },
    );
    const [e] = (await anonymous.json()) as { code: string; description: string }[];
    expect(anonymous.status).toBe(401);
    expect(e!.description).toMatch(/installed app/);
  });

  it('words a complaint placed by its typed address in the reader language, from the codes it stored', async () => {
    const res = await h.post(
      '/open311/v2/requests.json',
      { service_code: 'no_invoice', address_string: 'مشهد، خیابانی که در سامانه نیست، پلاک ۹۹۹۹۹' },
      EN,
    );
    expect(res.status).toBe(201);
    const [created] = (await res.json()) as { service_notice: string }[];
    expect(created!.service_notice).toMatch(
      /^Your address matched no registered shop and was placed in مشهد county\./,
    );
  });
});

describe('complaints stored before notes had codes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(() => h.stop());

  it('still read: the stored notice stands, and old notes keep their text for clients to map', async () => {
    const c = await fileOverpricing(h);
    // As the previous release wrote it: the sentence in the row and in the filing note, no code.
    const old = 'شکایت شما برای اتحادیه فرستاده شد.';
    const rows = [
      ['UPDATE requests SET service_notice = $1 WHERE id = $2', [old, c.service_request_id]],
      [
        'UPDATE notes SET text = $1, code = NULL, params_json = NULL WHERE request_id = $2',
        [old, c.service_request_id],
      ],
    ] as const;
    if (h.databaseUrl) {
      const client = new pg.Client({ connectionString: h.databaseUrl });
      await client.connect();
      for (const [sql, args] of rows) await client.query(sql, [...args]);
      await client.end();
    } else {
      const db = new Database(join(h.dataDir, 'kala-be-fi.sqlite'));
      for (const [sql, args] of rows) db.prepare(sql.replace(/\$\d/g, '?')).run(...args);
      db.close();
    }
    const res = await h.get(`/open311/v2/requests/${c.service_request_id}.json`, {
      headers: { Authorization: `Bearer ${c.access_token}`, ...EN },
    });
    const [req] = ServiceRequestResponseSchema.parse(await res.json());
    expect(req!.service_notice).toBe(old);
    expect(req!.notes).toEqual([expect.objectContaining({ type: 'created', text: old })]);
    expect(req!.notes[0]!.code).toBeUndefined();
  });
});
