import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LicenceRecordSchema,
  LocationComplaintCountsSchema,
  LocationRecordSchema,
  NearbyResultSchema,
} from '../../src/api/index.ts';
import { generateRegistry } from '../../src/server/seed/generate.ts';
import { distanceM } from '../../src/server/store/registry-rows.ts';
import { expectPersianError, FIRST_GLN, fileOverpricing, type Harness, startServer } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h.stop());

describe('location records', () => {
  it('returns the full public record of a GLN, valid against the wire schema', async () => {
    const res = await h.get(`/api/v1/locations/${FIRST_GLN}`);
    expect(res.status).toBe(200);
    const r = LocationRecordSchema.parse(await res.json());
    expect(r).toMatchObject({
      gln: FIRST_GLN,
      name: 'سوپرمارکت آفتاب',
      status: 'active',
      verificationLevel: 4,
      guild: { code: '4711' },
      isic: { code: '4711' },
    });
    expect(r.union.name).toContain('تهران');
    expect(r.address.postcode).toMatch(/^\d{10}$/);
    expect(r.serviceCode).toMatch(/^\d{13}$/);
    expect(r.otherLocations.map((o) => o.role).sort()).toEqual(['branch', 'warehouse']);
    expect(r.posTerminals.length).toBeGreaterThan(0);
  });

  it('sends an ETag and Cache-Control, and 304 when If-None-Match matches', async () => {
    const first = await h.get(`/api/v1/locations/${FIRST_GLN}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toContain('max-age');
    const again = await h.get(`/api/v1/locations/${FIRST_GLN}`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    const weak = await h.get(`/api/v1/locations/${FIRST_GLN}`, { headers: { 'If-None-Match': `W/${etag}` } });
    expect(weak.status).toBe(304);
  });

  it('returns a sub-location record for a known AI 254 extension', async () => {
    const r = LocationRecordSchema.parse(await (await h.get(`/api/v1/locations/${FIRST_GLN}/E2`)).json());
    expect(r.subLocation).toMatchObject({ ext: 'E2', name: 'ورودی پارکینگ' });
  });

  it('answers 400 for a malformed GLN or a bad check digit, 404 for an unknown one, each in Persian', async () => {
    await expectPersianError(await h.get('/api/v1/locations/123'), 400, 'bad-gln');
    await expectPersianError(await h.get('/api/v1/locations/6260000000010'), 400, 'bad-check-digit');
    await expectPersianError(await h.get('/api/v1/locations/9520123456788'), 404, 'not-found');
  });

  it('points a moved location at its new GLN', async () => {
    const moved = h.demo.glns.find((g) => g.note.includes('replacedBy'))!;
    const r = LocationRecordSchema.parse(await (await h.get(`/api/v1/locations/${moved.gln}`)).json());
    expect(r.status).toBe('moved');
    const next = await h.get(`/api/v1/locations/${r.replacedBy}`);
    expect(next.status).toBe(200);
  });

  it('lists every location under a licence, with its role', async () => {
    const r = LocationRecordSchema.parse(await (await h.get(`/api/v1/locations/${FIRST_GLN}`)).json());
    const res = await h.get(`/api/v1/licenses/${r.licenceId}`);
    expect(res.status).toBe(200);
    const lic = LicenceRecordSchema.parse(await res.json());
    expect(lic.locations.map((l) => l.gln)).toContain(FIRST_GLN);
    expect(lic.locations).toHaveLength(3);
    await expectPersianError(await h.get('/api/v1/licenses/000000000000'), 404, 'not-found');
    await expectPersianError(await h.get('/api/v1/licenses/%3Cscript%3E'), 400);
  });

  it('finds nearby locations sorted by distance within the radius, capped', async () => {
    const r = LocationRecordSchema.parse(await (await h.get(`/api/v1/locations/${FIRST_GLN}`)).json());
    const res = await h.get(`/api/v1/locations?near=${r.geo.lat},${r.geo.lng}&radius=5000`);
    const near = NearbyResultSchema.parse(await res.json());
    expect(near.items[0]!.gln).toBe(FIRST_GLN);
    expect(near.items[0]!.distance).toBe(0);
    const d = near.items.map((i) => i.distance);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    expect(d.every((x) => x <= 5000)).toBe(true);
    expect(near.items.length).toBeLessThanOrEqual(50);
  });

  it('finds every registered location within the radius and no other, as a scan of the whole registry does', async () => {
    // The spatial index (R*Tree on SQLite, GiST on PostGIS) only narrows the search: the answer
    // must be what checking each location's distance one by one gives, on either engine.
    const all = generateRegistry(undefined, 60).data.locations;
    expect(all.length).toBe(h.demo.locationCount);
    const centres = [all[0]!, all[Math.floor(all.length / 2)]!, all[all.length - 1]!];
    for (const c of centres)
      for (const radius of [300, 2500, 5000]) {
        const res = await h.get(`/api/v1/locations?near=${c.lat},${c.lng}&radius=${radius}`);
        const near = NearbyResultSchema.parse(await res.json());
        const inside = all
          .map((l) => ({ gln: l.gln, d: distanceM(c, l) }))
          .filter((l) => l.d <= radius)
          .sort((x, y) => x.d - y.d || x.gln.localeCompare(y.gln));
        expect(near.truncated).toBe(inside.length > 50);
        expect(near.items.map((i) => i.gln)).toEqual(inside.slice(0, 50).map((l) => l.gln));
      }
  });

  it('rejects a malformed nearby query with 400', async () => {
    for (const q of [
      '',
      '?near=abc',
      '?near=35.7,51.4&radius=0',
      '?near=35.7,51.4&radius=99999',
      '?near=95,51.4',
    ]) {
      await expectPersianError(await h.get(`/api/v1/locations${q}`), 400, 'bad-query');
    }
  });

  it('publishes open complaint counts per category without personal data', async () => {
    await fileOverpricing(h, { email: 'reporter@example.org' });
    const res = await h.get(`/api/v1/complaint-counts/${FIRST_GLN}`);
    const counts = LocationComplaintCountsSchema.parse(await res.json());
    expect(counts.open).toBeGreaterThanOrEqual(1);
    expect(counts.byCategory.find((c) => c.service_code === 'overpricing')?.service_name).toBe('گران‌فروشی');
    expect(JSON.stringify(counts)).not.toContain('reporter@example.org');
  });
});
