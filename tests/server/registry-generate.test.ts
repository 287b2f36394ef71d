import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocationRecord } from '../../src/api/index.ts';
import { isValidGln } from '../../src/gs1/index.ts';
import { inIran } from '../../src/server/bulk/iran-outline.ts';
import { nationalGln, nationalRows } from '../../src/server/bulk/national-rows.ts';
import { type BulkPlace, bulkPlace } from './bulk-place.ts';
import { startServer, TEST_ENGINE } from './harness.ts';

// `npm run registry:generate`: a registry of any size, written batch by batch, that a rerun after
// a kill completes exactly as an uninterrupted run would have written it.

const CLI = 'src/server/bulk/generate-cli.ts';
const COUNT = 12_000;
const GENERATED = `SELECT count(*) AS n FROM locations WHERE gln >= '6261'`;

// Child processes on a shared machine: generous time, as the other multi-process tests give.
describe(`registry generator (${TEST_ENGINE})`, { timeout: 180_000 }, () => {
  let place: BulkPlace;
  beforeAll(async () => {
    place = await bulkPlace();
  }, 60_000);
  afterAll(() => place.drop());

  it('killed half way, a rerun continues where it stopped and the registry is whole', async () => {
    // Plain progress lines when not on a terminal; the first comes after the first batch commits.
    const killed = await place.run(CLI, ['--count', String(COUNT), '--batch', '500'], {
      killWhen: /registry \(\w+\): [\d,]+\/12,000/,
    });
    expect(killed.signal).toBe('SIGKILL');
    const stored = await place.count(GENERATED);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(COUNT);
    // Whole batches only: a kill inside a transaction leaves none of it.
    expect(stored % 500).toBe(0);

    const rerun = await place.run(CLI, ['--count', String(COUNT), '--batch', '500']);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(`resuming at row ${stored.toLocaleString('en')}`);
    expect(await place.count(GENERATED)).toBe(COUNT);
    expect(await place.count(`SELECT count(DISTINCT gln) AS n FROM locations WHERE gln >= '6261'`)).toBe(
      COUNT,
    );

    if (TEST_ENGINE === 'postgres') {
      // Vacuumed, not only analysed, once loaded: otherwise an insert-triggered autovacuum of the
      // whole table comes later, under public traffic, and the first reads of each new page write
      // it back (hint bits). (vacuum_count counts VACUUM commands only, not autovacuum's runs.)
      expect(
        await place.count(
          `SELECT count(*) AS n FROM pg_stat_user_tables WHERE relname IN ('locations', 'licences') AND vacuum_count > 0`,
        ),
      ).toBe(2);
    }

    // Another size on the same database would not continue the same rows: refused, not mixed.
    const other = await place.run(CLI, ['--count', String(COUNT + 1)]);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(`--count ${COUNT}`);

    // A third run has nothing left to do.
    const again = await place.run(CLI, ['--count', String(COUNT), '--batch', '500']);
    expect(again.code).toBe(0);
    expect(await place.count(GENERATED)).toBe(COUNT);
  });

  it('the service serves the generated shops, with their unions, as an uninterrupted run makes them', async () => {
    const server = await startServer({ dataDir: place.dataDir, databaseUrl: place.databaseUrl });
    try {
      const rows = nationalRows(1402, COUNT);
      // Rows from before the kill, around it and from the rerun: each as generated in one go.
      for (const i of [0, 9, 499, 500, 6001, COUNT - 1]) {
        const want = rows.location(i);
        const res = await server.get(`/api/v1/locations/${want.gln}`);
        expect(res.status).toBe(200);
        const rec = (await res.json()) as LocationRecord;
        expect(rec).toMatchObject({
          gln: want.gln,
          name: want.name,
          role: want.role,
          status: want.status,
          geo: { lat: want.lat, lng: want.lng },
          licenceId: want.licenceId,
        });
        // Every generated shop is in a county with its guild's union.
        expect(rec.union.id).toMatch(new RegExp(`^union-${want.guildCode}-`));
      }
      // Every tenth row is a branch: one licence, two locations.
      const lic = await server.get(`/api/v1/licenses/${rows.location(9).licenceId}`);
      expect(lic.status).toBe(200);
      const body = (await lic.json()) as { locations: { gln: string }[] };
      expect(body.locations.map((l) => l.gln).sort()).toEqual([nationalGln(8), nationalGln(9)]);
      expect((await server.get(`/api/v1/locations/${nationalGln(COUNT)}`)).status).toBe(404);
      // A 300 m search in a city finds generated shops around a generated one.
      const at = rows.location(6001);
      const near = await server.get(`/api/v1/locations?near=${at.lat},${at.lng}&radius=300`);
      const found = (await near.json()) as { items: { gln: string }[] };
      expect(found.items.map((i) => i.gln)).toContain(at.gln);
    } finally {
      await server.close();
    }
  });
});

describe('generated rows', () => {
  it('have valid GLNs, points inside Iran and the guilds of the seed, at any size', () => {
    for (const count of [1_000, 3_000_000]) {
      const rows = nationalRows(7, count);
      for (let i = 0; i < 1000; i++) {
        const l = rows.location(Math.floor((i * count) / 1000));
        expect(isValidGln(l.gln)).toBe(true);
        expect(inIran(l.lat, l.lng), `${l.lat},${l.lng}`).toBe(true);
      }
    }
  });
});
