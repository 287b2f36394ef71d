import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CountyQueueSchema,
  FIELD_API,
  LocationRecordSchema,
  NearbyResultSchema,
  PlateReadingResultSchema,
  plateReadingPath,
  type Trust,
} from '../../src/api/index.ts';
import { collectOrphanMedia } from '../../src/server/media/orphans.ts';
import {
  CONFIRMATIONS_NEEDED,
  MISPLACED_AFTER,
  READINGS_WINDOW_DAYS,
} from '../../src/server/trust/formula.ts';
import { signedIn } from './desk/session.ts';
import {
  expectPersianError,
  FIRST_GLN,
  fileOverpricing,
  type Harness,
  startServer,
  TEST_ENGINE,
} from './harness.ts';

// The trust badge over HTTP on the real service (both engines: KBF_TEST_ENGINE=postgres): the
// record and nearby carry it, complaint outcomes move it only once upheld, and shoppers' plate
// readings confirm a plate (once per install per shop per month) or flag it for an inspector.

let h: Harness;
let clock = Date.parse('2026-06-10T08:00:00.000Z');
const DAY = 86_400_000;

beforeAll(async () => {
  h = await startServer({ now: () => new Date(clock) });
});
afterAll(() => h?.stop());

const record = async (gln = FIRST_GLN) =>
  LocationRecordSchema.parse(await (await h.get(`/api/v1/locations/${gln}`)).json());
const trust = async (gln = FIRST_GLN): Promise<Trust> => (await record(gln)).trust!;
const factor = (t: Trust, name: string) => t.factors.find((f) => f.factor === name)!;
const union = () => ({ Authorization: `Bearer ${h.token('union-4711-tehran')}` });
const decide = (id: string, substatus: string) =>
  h.post(
    '/open311/v2/servicerequestupdates.json',
    { service_request_id: id, action: 'reply', substatus },
    union(),
  );
const read = (gln: string, fix: { lat: number; lng: number; accuracy: number }, token = h.installToken) =>
  h.post(plateReadingPath(gln), fix, { 'X-Install-Token': token });

describe('the badge on the record and in nearby answers', () => {
  it('carries level, score and every factor with its Persian explanation key', async () => {
    const t = await trust();
    expect(t.factors.map((f) => f.factor)).toEqual([
      'verification',
      'plate',
      'licence',
      'enforcement',
      'complaints',
      'tenure',
    ]);
    expect(t.score).toBe(t.factors.reduce((s, f) => s + f.points, 0));
    for (const f of t.factors) expect(f.key).toMatch(/^trust:factor\./);
  });

  it("gives each nearby shop the same summary as its own record's", async () => {
    const { geo } = await record();
    const res = await h.get(`/api/v1/locations?near=${geo.lat},${geo.lng}&radius=2000`);
    const near = NearbyResultSchema.parse(await res.json());
    expect(near.items.length).toBeGreaterThan(1);
    for (const item of near.items.slice(0, 5)) {
      const own = await trust(item.gln);
      expect(item.trust).toEqual({ level: own.level, score: own.score });
    }
  });
});

describe('complaint outcomes, never raw counts', () => {
  it('does not move for a flood of open and rejected complaints; moves once one is upheld', async () => {
    const before = await trust();
    const filed = [];
    for (let i = 0; i < 12; i++) filed.push(await fileOverpricing(h));
    for (const c of filed.slice(0, 8))
      expect((await decide(c.service_request_id, 'no_violation')).status).toBe(201);
    const flooded = await trust();
    expect({ level: flooded.level, score: flooded.score }).toEqual({
      level: before.level,
      score: before.score,
    });
    expect(factor(flooded, 'complaints')).toMatchObject({ points: 15, params: { upheld: 0, rejected: 8 } });

    expect((await decide(filed[8]!.service_request_id, 'violation_found')).status).toBe(201);
    const upheld = await trust();
    expect(factor(upheld, 'complaints')).toMatchObject({ points: 8, params: { upheld: 1 } });
    expect(upheld.score).toBe(before.score - 7);
  });

  it('forgets outcomes older than 12 months', async () => {
    clock += 370 * DAY;
    expect(factor(await trust(), 'complaints')).toMatchObject({
      points: 15,
      params: { upheld: 0, rejected: 0 },
    });
  });
});

describe('plate readings', () => {
  it('refuses a reading without an install token', async () => {
    const { geo } = await record();
    const res = await fetch(h.url + plateReadingPath(FIRST_GLN), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...geo, accuracy: 10 }),
    });
    await expectPersianError(res, 401, 'install-required');
  });

  it('judges the fix itself and keeps nothing from one too coarse to say anything', async () => {
    const { geo } = await record();
    const res = await read(FIRST_GLN, { ...geo, accuracy: 900 });
    expect(res.status).toBe(200);
    expect(PlateReadingResultSchema.parse(await res.json())).toEqual({
      verdict: 'imprecise',
      counted: false,
    });
  });

  it(`counts one install once a month, and shows "confirmed by shoppers" after ${CONFIRMATIONS_NEEDED} installs`, async () => {
    const { geo } = await record();
    const first = await read(FIRST_GLN, { ...geo, accuracy: 12 });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ verdict: 'near', counted: true });
    // The same phone again, this month: nothing more counts.
    const again = await read(FIRST_GLN, { ...geo, accuracy: 8 });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ verdict: 'near', counted: false });
    expect(factor(await trust(), 'plate')).toMatchObject({ points: 0, params: { count: 1 } });
    const listed = async () =>
      NearbyResultSchema.parse(
        await (await h.get(`/api/v1/locations?near=${geo.lat},${geo.lng}&radius=300`)).json(),
      ).items.find((i) => i.gln === FIRST_GLN)?.trust;
    const unconfirmed = await listed();

    for (let i = 1; i < CONFIRMATIONS_NEEDED; i++)
      expect((await read(FIRST_GLN, { ...geo, accuracy: 12 }, await h.install())).status).toBe(201);
    const t = await trust();
    expect(t.plateConfirmed).toBe(true);
    expect(factor(t, 'plate')).toMatchObject({ points: 10, key: 'trust:factor.plate.confirmed' });
    // Nearby answers keep badges a minute, like records, yet show the new score at once.
    expect(await listed()).toEqual({ level: t.level, score: t.score });
    expect(t.score).toBe(unconfirmed!.score + 10);

    // Next month the first phone's reading counts again (a new month's confirmation).
    clock += 31 * DAY;
    expect((await read(FIRST_GLN, { ...geo, accuracy: 12 })).status).toBe(201);
  });

  it(`forgets readings older than ${READINGS_WINDOW_DAYS} days at the hourly housekeeping, keeps newer ones`, async () => {
    // Past the window a reading decides nothing, and every new install adds rows: the table
    // must not grow for ever. A key accepted again shows its row was removed.
    const at = (ms: number) => new Date(ms).toISOString();
    const old = {
      gln: FIRST_GLN,
      installHash: 'a'.repeat(64),
      month: at(clock - (READINGS_WINDOW_DAYS + 5) * DAY).slice(0, 7),
      verdict: 'near' as const,
      at: at(clock - (READINGS_WINDOW_DAYS + 5) * DAY),
    };
    const recent = {
      ...old,
      installHash: 'b'.repeat(64),
      month: at(clock - DAY).slice(0, 7),
      at: at(clock - DAY),
    };
    expect(await h.deps.store.addPlateReading(old)).toBe(true);
    expect(await h.deps.store.addPlateReading(recent)).toBe(true);
    await collectOrphanMedia(h.deps);
    expect(await h.deps.store.addPlateReading(old)).toBe(true);
    expect(await h.deps.store.addPlateReading(recent)).toBe(false);
  });

  it(`flags a plate that ${MISPLACED_AFTER} installs read far for the county's inspector`, async () => {
    const near = await NearbyResultSchema.parseAsync(
      await (
        await h.get(
          `/api/v1/locations?near=${(await record()).geo.lat},${(await record()).geo.lng}&radius=3000`,
        )
      ).json(),
    );
    const target = near.items.find((i) => i.gln !== FIRST_GLN && i.status === 'active')!;
    const far = { lat: target.geo.lat + 0.01, lng: target.geo.lng, accuracy: 10 };
    for (let i = 0; i < MISPLACED_AFTER; i++) {
      const res = await read(target.gln, far, await h.install());
      expect(await res.json()).toEqual({ verdict: 'far', counted: true });
    }
    expect(factor(await trust(target.gln), 'plate').key).toBe('trust:factor.plate.misplaced');
    const inspector = await signedIn(h, 'inspector', 'chamber-tehran');
    const queue = CountyQueueSchema.parse(await (await inspector.get(FIELD_API.county)).json());
    expect(queue.misplaced_plates).toContainEqual(
      expect.objectContaining({ gln: target.gln, far_installs: MISPLACED_AFTER, near_installs: 0 }),
    );
    const shiraz = await signedIn(h, 'inspector', 'chamber-shiraz');
    const other = CountyQueueSchema.parse(await (await shiraz.get(FIELD_API.county)).json());
    expect(other.misplaced_plates.map((p) => p.gln)).not.toContain(target.gln);
  });
});

describe(`write limits (${TEST_ENGINE})`, () => {
  let tight: Harness;
  beforeAll(async () => {
    tight = await startServer({ limits: { install: { burst: 2, perSecond: 0.001 } } });
  });
  afterAll(() => tight?.stop());

  it('limits readings per install like every other write', async () => {
    const { geo } = LocationRecordSchema.parse(
      await (await tight.get(`/api/v1/locations/${FIRST_GLN}`)).json(),
    );
    const post = () => tight.post(plateReadingPath(FIRST_GLN), { ...geo, accuracy: 10 });
    // The harness spent none of its burst yet: two pass, the third waits.
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(200);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
