import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LicenceRecord, LocationRecord } from '../../src/api/index.ts';
import { nationalRows } from '../../src/server/bulk/national-rows.ts';
import { openBulkTarget } from '../../src/server/bulk/open-target.ts';
import { CSV_COLUMNS } from '../../src/server/bulk/registry-csv.ts';
import { withCheckDigit } from '../../src/server/gln.ts';
import { type BulkPlace, bulkPlace } from './bulk-place.ts';
import { FIRST_GLN, startServer, TEST_ENGINE } from './harness.ts';

// `npm run registry:import -- file.csv`: a registry export goes in whole, or not at all with
// every wrong row named by line, field and reason, in Persian or English.

const CLI = 'src/server/bulk/import-cli.ts';
type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;

const gln = (serial: number) => withCheckDigit(`626${String(700_000_000 + serial).padStart(9, '0')}`);
const wrongCheckDigit = (g: string) => g.slice(0, 12) + String((Number(g[12]) + 1) % 10);

const shop = (serial: number, extra: Row = {}): Row => ({
  gln: gln(serial),
  name: `فروشگاه ${serial}`,
  role: 'main',
  licence_id: `L-${serial}`,
  licence_holder: 'مریم احمدی',
  licence_issued_at: '2022-03-21',
  licence_expires_at: '2027-03-21',
  guild_code: '4711',
  service_code: `47110${serial}`,
  province: 'اصفهان',
  county: 'اصفهان',
  city: 'اصفهان',
  street: 'خیابان چهارباغ عباسی، کوچهٔ گلها',
  plate: '12',
  floor: 'همکف',
  unit: '1',
  postcode: '8173913111',
  lat: '32.6546',
  lng: '51.668',
  verification_level: '3',
  status: 'active',
  status_since: '2023-01-01T08:00:00Z',
  replaced_by: '',
  updated_at: '',
  ...extra,
});

/** RFC 4180: every field quoted, quotes doubled; CRLF line ends, as spreadsheets write. */
function csv(rows: Row[], columns: readonly string[] = CSV_COLUMNS): string {
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = [
    columns.join(','),
    ...rows.map((r) => columns.map((c) => q(r[c as keyof Row] ?? '')).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

describe(`registry CSV import (${TEST_ENGINE})`, { timeout: 180_000 }, () => {
  let place: BulkPlace;
  const file = (name: string, text: string) => {
    const path = join(place.dataDir, name);
    writeFileSync(path, text);
    return path;
  };
  beforeAll(async () => {
    place = await bulkPlace();
  }, 60_000);
  afterAll(() => place.drop());

  it('refuses a file with bad rows, naming each by line, field and reason, and imports none of it', async () => {
    const good = shop(1);
    const rows: Row[] = [
      good, // line 2: fine, but must not be imported either
      shop(2, { gln: wrongCheckDigit(gln(2)) }), // line 3
      shop(3, { guild_code: '9999' }), // line 4
      shop(4, { lat: '51.668', lng: '32.6546' }), // line 5: swapped
      shop(5, { lat: '33.3152', lng: '44.3661' }), // line 6: Baghdad
      shop(6, { gln: gln(1), licence_id: 'L-6' }), // line 7: the GLN of line 2
      shop(7, { name: '' }), // line 8
      shop(8, { status: 'open' }), // line 9
      shop(9, { status_since: '1402/01/01' }), // line 10
      shop(10, { licence_id: 'L-1', licence_holder: 'علی رضایی' }), // line 11: L-1 is someone else's
      shop(11, { gln: '62600000' }), // line 12
    ];
    const path = file('bad.csv', csv(rows));
    const before = await place.count(`SELECT count(*) AS n FROM locations`).catch(() => 0);

    const fa = await place.run(CLI, [path]);
    expect(fa.code).toBe(2);
    const lines = fa.stderr.split('\n');
    const said = (line: string, field: string, words: string) =>
      expect(
        lines.some((l) => l.startsWith(`سطر ${line}، ستون «${field}»`) && l.includes(words)),
        `${line} ${field}: ${words}\n${fa.stderr}`,
      ).toBe(true);
    said('۳', 'gln', 'رقم کنترل GLN نادرست است');
    said('۴', 'guild_code', 'صنف «9999» شناخته نیست');
    said('۵', 'lat', 'بیرون از ایران');
    said('۶', 'lat', 'بیرون از ایران');
    said('۷', 'gln', 'GLN تکراری: همین GLN در سطر ۲');
    said('۸', 'name', 'لازم است');
    said('۹', 'status', '«open» هیچ‌یک از این‌ها نیست');
    said('۱۰', 'status_since', 'تاریخی به شکل');
    said('۱۱', 'licence_id', 'پروانهٔ L-1 در سطر ۲');
    said('۱۲', 'gln', 'سیزده رقم');
    expect(fa.stderr).toContain('هیچ ردیفی وارد نشد: ۱۰ مشکل در ۱۱ سطر');
    // Not one row of the file, the good one included.
    expect(await place.count(`SELECT count(*) AS n FROM locations WHERE gln = '${good.gln}'`)).toBe(0);
    expect(await place.count(`SELECT count(*) AS n FROM locations`)).toBeGreaterThanOrEqual(before);
    const total = await place.count(`SELECT count(*) AS n FROM locations`);

    const en = await place.run(CLI, [path, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(
      `Line 3, field “gln”: wrong GLN check digit: the last digit should be ${gln(2)[12]}, not ${wrongCheckDigit(gln(2))[12]}.`,
    );
    expect(en.stderr).toContain('Line 4, field “guild_code”: unknown guild “9999”');
    expect(en.stderr).toContain('Line 5, field “lat”: the coordinates 51.668, 32.6546 lie outside Iran');
    expect(en.stderr).toContain('Line 7, field “gln”: duplicate GLN: the same GLN is already on line 2.');
    expect(en.stderr).toContain('Line 8, field “name”: empty, but this field is required.');
    expect(en.stderr).toContain('Nothing was imported: 10 problems in 11 rows.');
    expect(await place.count(`SELECT count(*) AS n FROM locations`)).toBe(total);
  });

  it('names a missing column and a row with too few fields', async () => {
    const noLat = file(
      'no-lat.csv',
      csv(
        [shop(20)],
        CSV_COLUMNS.filter((c) => c !== 'lat'),
      ),
    );
    const missing = await place.run(CLI, [noLat, '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Line 1, field “lat”: the header has no such column');
    const short = file('short.csv', `${csv([shop(21)])}"${gln(22)}","only two"\r\n`);
    const res = await place.run(CLI, [short, '--lang', 'en']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`Line 3: this row has 2 fields where the header has ${CSV_COLUMNS.length}.`);
    expect(await place.count(`SELECT count(*) AS n FROM locations WHERE gln = '${gln(21)}'`)).toBe(0);
  });

  it('a write that fails half way leaves nothing of the file behind', async () => {
    const target = await openBulkTarget({ dataDir: place.dataDir, databaseUrl: place.databaseUrl });
    const rows = nationalRows(99, 4000);
    const batch = (from: number) => {
      const locations = Array.from({ length: 1000 }, (_, i) => rows.location(from + i));
      return { locations, licences: locations.flatMap((_, i) => rows.licence(from + i) ?? []) };
    };
    async function* failing() {
      yield batch(0);
      yield batch(1000);
      throw new Error('the disk is full');
    }
    try {
      await expect(target.importAll(failing())).rejects.toThrow('the disk is full');
    } finally {
      await target.close();
    }
    expect(await place.count(`SELECT count(*) AS n FROM locations WHERE gln >= '6261'`)).toBe(0);
    expect(await place.count(`SELECT count(*) AS n FROM licences WHERE length(id) = 13`)).toBe(0);
  });

  it('imports a good file in one go; the service then serves its shops, a licence with two places and an updated shop', async () => {
    const rows: Row[] = [
      // A quoted comma and doubled quotes survive the trip.
      shop(30, { name: 'عطاری "گل سرخ", شعبهٔ مرکزی' }),
      shop(31, {
        role: 'branch',
        licence_id: 'L-30',
        name: 'عطاری گل سرخ (چهارباغ)',
        lat: '32.6551',
        lng: '51.6692',
      }),
      shop(32, { status: 'moved', replaced_by: gln(30), updated_at: '2025-06-01T10:00:00Z' }),
      // A row for a shop already in the registry replaces its record.
      shop(33, {
        gln: FIRST_GLN,
        name: 'سوپرمارکت آفتاب نو',
        province: 'تهران',
        county: 'تهران',
        city: 'تهران',
        lat: '35.7',
        lng: '51.4',
      }),
    ];
    const path = file('good.csv', `\uFEFF${csv(rows)}`);
    const res = await place.run(CLI, [path, '--lang', 'en']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('Imported 4 locations in one transaction');

    const server = await startServer({ dataDir: place.dataDir, databaseUrl: place.databaseUrl });
    try {
      const rec = (await (await server.get(`/api/v1/locations/${gln(30)}`)).json()) as LocationRecord;
      expect(rec.name).toBe('عطاری "گل سرخ", شعبهٔ مرکزی');
      expect(rec.union.id).toBe('union-4711-isfahan');
      expect(rec.otherLocations.map((o) => o.gln)).toEqual([gln(31)]);
      const lic = (await (await server.get('/api/v1/licenses/L-30')).json()) as LicenceRecord;
      expect(lic.holder).toBe('مریم احمدی');
      expect(lic.locations.map((l) => l.gln)).toEqual([gln(30), gln(31)]);
      const moved = (await (await server.get(`/api/v1/locations/${gln(32)}`)).json()) as LocationRecord;
      expect(moved).toMatchObject({
        status: 'moved',
        replacedBy: gln(30),
        updatedAt: '2025-06-01T10:00:00.000Z',
      });
      const first = (await (await server.get(`/api/v1/locations/${FIRST_GLN}`)).json()) as LocationRecord;
      expect(first.name).toBe('سوپرمارکت آفتاب نو');
      const near = (await (await server.get('/api/v1/locations?near=32.6548,51.6685&radius=300')).json()) as {
        items: { gln: string }[];
      };
      expect(near.items.map((i) => i.gln)).toEqual(expect.arrayContaining([gln(30), gln(31)]));
    } finally {
      await server.close();
    }
  });
});
