import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, KalaDb, useDb } from '../../../src/db/database.ts';
import {
  getPlace,
  placeKey,
  prunePlaces,
  putPlace,
  rememberPlaceName,
  touchPlace,
} from '../../../src/db/places.ts';
import { locationRecord, SHOP_GLN } from './location-fixture.ts';

let n = 0;
beforeEach(() => {
  useDb(new KalaDb(`places-${++n}`));
});

describe('places repository', () => {
  it('keys a sub-location apart from its main location', () => {
    expect(placeKey(SHOP_GLN)).toBe(SHOP_GLN);
    expect(placeKey(SHOP_GLN, 'A1')).toBe(`${SHOP_GLN}/A1`);
  });

  it('stores, reads and touches a record', async () => {
    await putPlace({ key: SHOP_GLN, record: locationRecord(), etag: '"e"', fetchedAt: 1 });
    await touchPlace(SHOP_GLN, 5);
    expect(await getPlace(SHOP_GLN)).toMatchObject({ etag: '"e"', fetchedAt: 5, record: { gln: SHOP_GLN } });
  });

  it('keeps only the most recently fetched records', async () => {
    for (let i = 0; i < 5; i++) {
      await db().places.put({ key: `k${i}`, record: locationRecord(), fetchedAt: 100 + i });
    }
    await prunePlaces(3);
    expect((await db().places.toCollection().primaryKeys()).sort()).toEqual(['k2', 'k3', 'k4']);
  });

  it('gives the shop name to earlier scans of its GLN only', async () => {
    const scan = { raw: 'x', kind: 'gs1-location' as const, at: 1, search: '' };
    const classification = { kind: 'gs1-location' as const, gln: SHOP_GLN, elements: [] };
    await db().scans.bulkAdd([
      { ...scan, classification, gln: SHOP_GLN },
      { ...scan, classification, gln: '6260000000026' },
    ]);
    await rememberPlaceName(SHOP_GLN, 'سوپرمارکت آفتاب');
    const names = (await db().scans.toArray()).map((s) => [s.gln, s.name]);
    expect(names).toEqual([
      [SHOP_GLN, 'سوپرمارکت آفتاب'],
      ['6260000000026', undefined],
    ]);
  });
});
