import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocationRecordSchema, type Staff } from '../../../src/api/index.ts';
import { countyQueue } from '../../../src/server/field/county-queue.ts';
import { recordEnforcement } from '../../../src/server/field/enforcement.ts';
import { escalateOverdue } from '../../../src/server/field/escalation.ts';
import { verifyOnSite } from '../../../src/server/field/verify.ts';
import { recordVisit } from '../../../src/server/field/visits.ts';
import { FIRST_GLN, fileOverpricing, type Harness, startServer } from '../harness.ts';
import { storefrontPhoto } from './photo.ts';

// Field work's rules against the real store (SQLite, or PostgreSQL with KBF_TEST_ENGINE=postgres):
// who may take which enforcement stage where, the Art. 72 sweep, visits and level 4.

let h: Harness;
let clock = Date.parse('2026-03-01T08:00:00.000Z');
const DAY = 86_400_000;

beforeAll(async () => {
  h = await startServer({ now: () => new Date(clock) });
});
afterAll(() => h?.stop());

const person = (
  role: Staff['role'],
  agency: string | null,
  county: string | null,
  id: string = role,
): Staff => ({
  id,
  username: id,
  name: `${role} ${county ?? ''}`,
  role,
  agency_id: agency,
  county,
});

async function shopCase() {
  const filed = await fileOverpricing(h);
  const req = (await h.deps.store.request(filed.service_request_id))!;
  const county = (await h.deps.store.requestCounty(req.id))!;
  return { id: req.id, union: req.agencyId, county };
}

async function publicRecord(gln: string) {
  return LocationRecordSchema.parse(await (await h.get(`/api/v1/locations/${gln}`)).json());
}

describe('enforcement stages against a shop', () => {
  it("lets a union's clerk warn and block POS for its own complaint, but never seal (2022 chamber letter)", async () => {
    const c = await shopCase();
    const clerk = person('clerk', c.union, c.county);
    const warn = await recordEnforcement(h.deps, clerk, {
      service_request_id: c.id,
      stage: 'written_warning',
    });
    expect(warn.ok && warn.value.stage).toBe('written_warning');
    const block = await recordEnforcement(h.deps, clerk, { service_request_id: c.id, stage: 'pos_block' });
    expect(block.ok && block.value.history[0]).toMatchObject({
      stage: 'pos_block',
      until: new Date(clock + 14 * DAY).toISOString(),
    });
    const seal = await recordEnforcement(h.deps, clerk, { service_request_id: c.id, stage: 'seal' });
    expect(seal).toMatchObject({ ok: false, status: 403, key: 'desk:enforcement.refusal.stage-not-yours' });
    const record = await publicRecord(FIRST_GLN);
    expect(record.status).toBe('active');
    expect(record.enforcement?.map((e) => e.stage)).toEqual(['pos_block', 'written_warning']);
  });

  it("answers another union's clerk as if the complaint did not exist", async () => {
    const c = await shopCase();
    const other = person('clerk', 'union-4771-tehran-not-this-one', c.county, 'other-clerk');
    const out = await recordEnforcement(h.deps, other, {
      service_request_id: c.id,
      stage: 'written_warning',
    });
    expect(out).toMatchObject({ ok: false, status: 404 });
  });

  it("lets the county's inspector seal and lift; an inspector of another county cannot act", async () => {
    const c = await shopCase();
    const elsewhere = person('inspector', 'chamber-shiraz', 'شیراز', 'shiraz-inspector');
    const refusedThere = await recordEnforcement(h.deps, elsewhere, {
      service_request_id: c.id,
      stage: 'seal',
    });
    expect(refusedThere).toMatchObject({ ok: false, status: 404 });

    const inspector = person('inspector', `chamber-x`, c.county, 'inspector');
    const seal = await recordEnforcement(h.deps, inspector, { service_request_id: c.id, stage: 'seal' });
    expect(seal.ok).toBe(true);
    const sealed = await publicRecord(FIRST_GLN);
    expect(sealed.status).toBe('sealed');
    expect(sealed.enforcement?.[0]).toMatchObject({
      stage: 'seal',
      until: new Date(clock + 30 * DAY).toISOString(),
      service_request_id: c.id,
    });
    // The reporter's timeline shows the stage.
    const notes = await h.deps.store.notes(c.id);
    expect(notes.at(-1)).toMatchObject({ type: 'enforcement', enforcement_stage: 'seal' });

    const lifted = await recordEnforcement(h.deps, inspector, { service_request_id: c.id, stage: 'lifted' });
    expect(lifted.ok).toBe(true);
    expect((await publicRecord(FIRST_GLN)).status).toBe('active');
  });

  it('refuses a stage out of the letter’s order (a seal straight after a lift)', async () => {
    const c = await shopCase();
    const inspector = person('inspector', 'chamber-x', c.county, 'inspector');
    const out = await recordEnforcement(h.deps, inspector, { service_request_id: c.id, stage: 'seal' });
    expect(out).toMatchObject({ ok: false, status: 409, key: 'desk:enforcement.refusal.stage-order' });
  });
});

describe('escalation past the Art. 72 deadline', () => {
  it('sends an overdue complaint to the county inspectors exactly once, however many sweeps run', async () => {
    const c = await shopCase();
    clock += 11 * DAY;
    const sweeps = await Promise.all([
      escalateOverdue(h.deps),
      escalateOverdue(h.deps),
      escalateOverdue(h.deps),
    ]);
    const hits = sweeps.flat().filter((id) => id === c.id);
    expect(hits).toHaveLength(1);
    expect(await escalateOverdue(h.deps)).not.toContain(c.id);
    const overdueNotes = (await h.deps.store.notes(c.id)).filter((n) => n.code === 'overdue');
    expect(overdueNotes).toHaveLength(1);

    const inspector = person('inspector', 'chamber-x', c.county, 'inspector');
    const queue = await countyQueue(h.deps, inspector);
    expect(queue.ok && queue.value.cases.find((x) => x.service_request_id === c.id)).toMatchObject({
      reason: 'overdue',
    });
    const elsewhere = await countyQueue(h.deps, person('inspector', 'chamber-shiraz', 'شیراز', 'shiraz'));
    expect(elsewhere.ok && elsewhere.value.cases.some((x) => x.service_request_id === c.id)).toBe(false);
  });
});

describe('missing-plate visits', () => {
  it("lists the county's reports nearest first and gives the reporter the visit's outcome", async () => {
    const file = async (lat: number, long: number) => {
      const res = await h.post('/open311/v2/requests.json', { service_code: 'no_plate', lat, long });
      const [c] = (await res.json()) as { service_request_id: string }[];
      return c!.service_request_id;
    };
    const far = await file(29.64, 52.55);
    const near = await file(29.611, 52.531);
    const inspector = person('inspector', 'chamber-shiraz', 'شیراز', 'shiraz');
    const queue = await countyQueue(h.deps, inspector, { lat: 29.61, lng: 52.53 });
    const ids = queue.ok ? queue.value.missing_plates.map((p) => p.service_request_id) : [];
    expect(ids.indexOf(near)).toBeLessThan(ids.indexOf(far));
    expect(ids.indexOf(near)).toBeGreaterThanOrEqual(0);

    const visit = await recordVisit(h.deps, inspector, near, 'plate_installed', await storefrontPhoto());
    expect(visit.ok && visit.value.media_url).toMatch(/^\/api\/v1\/media\/[0-9a-f]{64}\.png$/);
    const req = await h.deps.store.request(near);
    expect(req?.substatus).toBe('violation_found');
    expect(
      (await h.deps.store.notes(near)).some(
        (n) => n.code === 'visit' && n.params?.outcome === 'plate_installed',
      ),
    ).toBe(true);

    const tehran = person('inspector', 'chamber-tehran', 'تهران', 'tehran');
    expect(await recordVisit(h.deps, tehran, far, 'warned', await storefrontPhoto())).toMatchObject({
      ok: false,
      status: 404,
    });
  });
});

describe('level 4: on-site verification', () => {
  async function target() {
    const record = await publicRecord(FIRST_GLN);
    return { record, agent: person('field_agent', 'chamber-x', record.address.county, 'agent') };
  }
  const checks = { floor_ok: true, unit_ok: true, plate_ok: true };

  it('refuses a fix too coarse to place the agent at the shop, and says why', async () => {
    const { record, agent } = await target();
    const out = await verifyOnSite(h.deps, agent, FIRST_GLN, { ...record.geo, accuracy: 65, ...checks });
    expect(out).toMatchObject({
      ok: false,
      key: 'desk:verify.refusal.fix-too-coarse',
      params: { accuracy: 65, max: 25 },
    });
    expect((await publicRecord(FIRST_GLN)).verificationLevel).toBe(record.verificationLevel);
  });

  it('refuses a precise fix too far from the registered point', async () => {
    const { record, agent } = await target();
    const out = await verifyOnSite(h.deps, agent, FIRST_GLN, {
      lat: record.geo.lat + 0.001,
      lng: record.geo.lng,
      accuracy: 8,
      ...checks,
    });
    expect(out).toMatchObject({
      ok: false,
      key: 'desk:verify.refusal.fix-too-far',
      params: { distance: 111 },
    });
  });

  it("raises a shop to level 4 with who and when on its public record; another county's agent cannot", async () => {
    const { record, agent } = await target();
    const fix = { lat: record.geo.lat + 0.0001, lng: record.geo.lng, accuracy: 6, ...checks };
    const shiraz = person('field_agent', 'chamber-shiraz', 'شیراز', 'shiraz-agent');
    expect(await verifyOnSite(h.deps, shiraz, FIRST_GLN, fix)).toMatchObject({ ok: false, status: 404 });
    const out = await verifyOnSite(h.deps, agent, FIRST_GLN, fix);
    expect(out.ok).toBe(true);
    const after = await publicRecord(FIRST_GLN);
    expect(after.verificationLevel).toBe(4);
    expect(after.verification).toEqual({ at: new Date(clock).toISOString(), by: agent.name });
  });
});
