import { describe, expect, it } from 'vitest';
import {
  applyFilters,
  guildsOf,
  type NearShop,
  openShops,
  TRUST_FLOORS,
  trustOf,
} from '../../../src/features/near/near-filters.ts';

const shop = (gln: string, distance: number, extra: Partial<NearShop> = {}): NearShop => ({
  gln,
  name: `shop ${gln}`,
  guild: { code: '4711', name: 'سوپرمارکت' },
  status: 'active',
  geo: { lat: 35.7, lng: 51.4 },
  address: 'تهران',
  distance,
  ...extra,
});

const bakery = { code: '1071', name: 'نانوایی' };

describe('near-me filters', () => {
  it('lists open shops only, nearest first, whatever order the service sent', () => {
    const got = openShops([
      shop('3', 300),
      shop('1', 100),
      shop('s', 50, { status: 'sealed' }),
      shop('c', 60, { status: 'closed' }),
      shop('m', 70, { status: 'moved' }),
      shop('2', 200),
    ]);
    expect(got.map((s) => s.gln)).toEqual(['1', '2', '3']);
  });

  it('counts a shop the service has not rated yet as unrated, never as good or bad', () => {
    expect(trustOf(shop('1', 1))).toBe('unrated');
    expect(trustOf(shop('1', 1, { trust: { level: 'good', score: 60 } }))).toBe('good');
  });

  it('keeps shops at or above the asked trust level, from best to worst as TRUST_LEVELS orders them', () => {
    const shops = [
      shop('h', 1, { trust: { level: 'high', score: 90 } }),
      shop('g', 2, { trust: { level: 'good', score: 60 } }),
      shop('l', 3, { trust: { level: 'low', score: 20 } }),
      shop('u', 4),
    ];
    const at = (floor: (typeof TRUST_FLOORS)[number]) =>
      applyFilters(shops, { trustAtLeast: floor }).map((s) => s.gln);
    expect(at('high')).toEqual(['h']);
    expect(at('good')).toEqual(['h', 'g']);
    expect(at('low')).toEqual(['h', 'g', 'l']);
    expect(applyFilters(shops, {}).map((s) => s.gln)).toEqual(['h', 'g', 'l', 'u']);
    expect(TRUST_FLOORS).not.toContain('unrated');
  });

  it('narrows by guild, and by guild and trust together', () => {
    const shops = [
      shop('a', 1),
      shop('b', 2, { guild: bakery, trust: { level: 'high', score: 95 } }),
      shop('c', 3, { guild: bakery }),
    ];
    expect(applyFilters(shops, { guild: '1071' }).map((s) => s.gln)).toEqual(['b', 'c']);
    expect(applyFilters(shops, { guild: '1071', trustAtLeast: 'good' }).map((s) => s.gln)).toEqual(['b']);
  });

  it('offers each guild among the shops once', () => {
    expect(
      guildsOf([shop('a', 1), shop('b', 2, { guild: bakery }), shop('c', 3)])
        .map((g) => g.code)
        .sort(),
    ).toEqual(['1071', '4711']);
  });
});
