import type { LocRow } from '../../src/server/store/registry-rows.ts';

// Shops for the nearby searches' unit tests, placed by hand or by a seeded stream.

/** A deterministic stream of numbers in [0, 1), so a failure is the same on every run. */
export function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

export function shop(i: number, lat: number, lng: number): LocRow {
  return {
    gln: String(6260000000000 + i),
    name: `shop ${i}`,
    guild_code: '4711',
    guild_name: 'سوپرمارکت',
    status: 'active',
    lat,
    lng,
    province: 'تهران',
    city: 'تهران',
    street: 'خیابان',
    plate: '1',
    floor: '0',
    unit: '1',
    postcode: '1111111111',
  } as LocRow;
}
