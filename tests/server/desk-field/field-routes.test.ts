import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fa from '../../../locales/fa/desk.json' with { type: 'json' };
import {
  CountyQueueSchema,
  EnforcementResultSchema,
  FIELD_API,
  LocationRecordSchema,
  MAX_FIX_ACCURACY_M,
  MAX_FIX_DISTANCE_M,
  ShopEnforcementStateSchema,
  VerifyResultSchema,
} from '../../../src/api/index.ts';
import { type DeskAgent, signedIn } from '../desk/session.ts';
import { expectPersianError, FIRST_GLN, fileOverpricing, type Harness, startServer } from '../harness.ts';
import { storefrontPhoto } from './photo.ts';

// The desk's field routes over HTTP, signed in as each role: who may take which enforcement
// stage where (2022 guild chamber letter: unions warn and block POS, the county chamber's
// inspectors seal and lift), the county queue, visits, and level 4's refusals in Persian.

let h: Harness;
let clock = Date.parse('2026-04-01T06:30:00.000Z');
const DAY = 86_400_000;
let tehranClerk: DeskAgent;
let shirazClerk: DeskAgent;
let tehranInspector: DeskAgent;
let shirazInspector: DeskAgent;
let tehranAgent: DeskAgent;

/** Everyone signs in afresh (sessions expire, and the tests move the clock by days). */
async function signAll() {
  [tehranClerk, shirazClerk, tehranInspector, shirazInspector, tehranAgent] = await Promise.all([
    signedIn(h, 'clerk', 'union-4711-tehran'),
    signedIn(h, 'clerk', 'union-4711-shiraz'),
    signedIn(h, 'inspector', 'chamber-tehran'),
    signedIn(h, 'inspector', 'chamber-shiraz'),
    signedIn(h, 'field_agent', 'chamber-tehran'),
  ]);
}

beforeAll(async () => {
  h = await startServer({ now: () => new Date(clock) });
  await signAll();
});
afterAll(() => h?.stop());

const stage = (agent: DeskAgent, id: string, s: string) =>
  agent.post(FIELD_API.enforcement, { service_request_id: id, stage: s });
const record = async () =>
  LocationRecordSchema.parse(await (await h.get(`/api/v1/locations/${FIRST_GLN}`)).json());

describe('enforcement through the desk', () => {
  it("lets the shop's union warn; refuses it a seal with the reason in Persian", async () => {
    const { service_request_id: id } = await fileOverpricing(h);
    const state = ShopEnforcementStateSchema.parse(
      await (await tehranClerk.get(`${FIELD_API.enforcement}/${id}`)).json(),
    );
    expect(state.next).toEqual(['written_warning']);
    const warned = await stage(tehranClerk, id, 'written_warning');
    expect(warned.status).toBe(201);
    expect(EnforcementResultSchema.parse(await warned.json()).history[0]?.stage).toBe('written_warning');
    const [error] = await expectPersianError(await stage(tehranClerk, id, 'seal'), 403, 'forbidden');
    expect(error!.description).toContain('پلمب ۳۰ روزه');
    expect((await record()).enforcement?.[0]?.stage).toBe('written_warning');
  });

  it("answers another union's clerk as an unknown complaint, to read or to act", async () => {
    const { service_request_id: id } = await fileOverpricing(h);
    expect((await shirazClerk.get(`${FIELD_API.enforcement}/${id}`)).status).toBe(404);
    await expectPersianError(await stage(shirazClerk, id, 'written_warning'), 404, 'not-found');
  });

  it('refuses a write without the CSRF token', async () => {
    const { service_request_id: id } = await fileOverpricing(h);
    const res = await fetch(h.url + FIELD_API.enforcement, {
      method: 'POST',
      headers: { Cookie: tehranClerk.cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ service_request_id: id, stage: 'written_warning' }),
    });
    expect(res.status).toBe(403);
  });

  it("lets the county's inspector block and seal, and the shop page shows it sealed; not another county's", async () => {
    const { service_request_id: id } = await fileOverpricing(h);
    await expectPersianError(await stage(shirazInspector, id, 'pos_block'), 404, 'not-found');
    expect((await stage(tehranInspector, id, 'pos_block')).status).toBe(201);
    expect((await stage(tehranInspector, id, 'seal')).status).toBe(201);
    const shop = await record();
    expect(shop.status).toBe('sealed');
    expect(shop.enforcement?.[0]).toMatchObject({
      stage: 'seal',
      at: new Date(clock).toISOString(),
      until: new Date(clock + 30 * DAY).toISOString(),
      service_request_id: id,
    });
    expect((await stage(tehranInspector, id, 'lifted')).status).toBe(201);
    expect((await record()).status).toBe('active');
  });
});

describe('the county queue', () => {
  it("holds an overdue complaint once, for its own county's inspectors only", async () => {
    const { service_request_id: id } = await fileOverpricing(h);
    clock += 11 * DAY;
    await signAll();
    // Two inspectors' desks read at once: each read sweeps, the complaint is escalated once.
    const [a, b] = await Promise.all([
      tehranInspector.get(FIELD_API.county),
      tehranInspector.get(FIELD_API.county),
    ]);
    for (const res of [a!, b!]) {
      const queue = CountyQueueSchema.parse(await res.json());
      expect(queue.cases.find((c) => c.service_request_id === id)?.reason).toBe('overdue');
    }
    const shiraz = CountyQueueSchema.parse(await (await shirazInspector.get(FIELD_API.county)).json());
    expect(shiraz.cases.some((c) => c.service_request_id === id)).toBe(false);
    expect((await h.deps.store.notes(id)).filter((n) => n.code === 'overdue')).toHaveLength(1);
    expect((await tehranClerk.get(FIELD_API.county)).status).toBe(403);
  });

  it("records a visit with its photo and the reporter reads the outcome on the complaint's timeline", async () => {
    const res = await h.post('/open311/v2/requests.json', {
      service_code: 'no_plate',
      lat: 35.7,
      long: 51.4,
    });
    const [created] = (await res.json()) as { service_request_id: string; access_token: string }[];
    const id = created!.service_request_id;
    const queue = CountyQueueSchema.parse(
      await (await tehranInspector.get(`${FIELD_API.county}?near=35.7,51.4`)).json(),
    );
    expect(queue.missing_plates.find((p) => p.service_request_id === id)?.distance).toBe(0);
    const photo = Buffer.from(await storefrontPhoto()).toString('base64');
    const visit = await tehranInspector.post(FIELD_API.visits, {
      service_request_id: id,
      outcome: 'warned',
      photo,
    });
    expect(visit.status).toBe(201);
    const mine = await h.get(`/open311/v2/requests/${id}.json`, {
      headers: { Authorization: `Bearer ${created!.access_token}` },
    });
    const [view] = (await mine.json()) as {
      substatus: string;
      notes: { code?: string; params?: { outcome?: string } }[];
    }[];
    expect(view!.substatus).toBe('violation_found');
    expect(view!.notes.some((n) => n.code === 'visit' && n.params?.outcome === 'warned')).toBe(true);
  });
});

describe('level 4 on site', () => {
  const checks = { floor_ok: true, unit_ok: true, plate_ok: true };
  it('refuses a coarse fix and a far one, each with its Persian reason, then verifies at the door', async () => {
    const { geo } = await record();
    const coarse = await tehranAgent.post(FIELD_API.verify(FIRST_GLN), { ...geo, accuracy: 80, ...checks });
    const [tooCoarse] = await expectPersianError(coarse, 422, 'validation');
    expect(tooCoarse!.description).toBe(
      fa.verify.refusal['fix-too-coarse']
        .replace('{{accuracy}}', '80')
        .replace('{{max}}', String(MAX_FIX_ACCURACY_M)),
    );
    const far = await tehranAgent.post(FIELD_API.verify(FIRST_GLN), {
      lat: geo.lat + 0.002,
      lng: geo.lng,
      accuracy: 5,
      ...checks,
    });
    const [tooFar] = await expectPersianError(far, 422, 'validation');
    expect(tooFar!.description).toBe(
      fa.verify.refusal['fix-too-far']
        .replace('{{distance}}', '222')
        .replace('{{max}}', String(MAX_FIX_DISTANCE_M)),
    );
    // Nothing recorded by a refused fix.
    expect((await record()).verification).toBeUndefined();

    const ok = await tehranAgent.post(FIELD_API.verify(FIRST_GLN), { ...geo, accuracy: 7, ...checks });
    expect(ok.status).toBe(201);
    expect(VerifyResultSchema.parse(await ok.json()).distance).toBe(0);
    const after = await record();
    expect(after.verificationLevel).toBe(4);
    expect(after.verification).toEqual({ at: new Date(clock).toISOString(), by: tehranAgent.staff.name });
  });

  it("keeps an inspector and another county's agent out", async () => {
    expect((await tehranInspector.post(FIELD_API.verify(FIRST_GLN), {})).status).toBe(403);
    const shirazAgent = await signedIn(h, 'field_agent', 'chamber-shiraz');
    const { geo } = await record();
    await expectPersianError(
      await shirazAgent.post(FIELD_API.verify(FIRST_GLN), { ...geo, accuracy: 5, ...checks }),
      404,
      'not-found',
    );
  });
});
