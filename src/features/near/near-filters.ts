import { type NearbyItem, TRUST_LEVELS, type TrustLevel, type TrustSummary } from '../../api/index.ts';

// What the near-me list shows: open shops only, nearest first, narrowed by guild and by a
// lowest trust level. Pure, so the list, the map and the tests ask the same question.

/**
 * A nearby item as a service may send it: this one always rates each shop, but the last answer
 * kept offline or another resolver's may not, and a shop without a rating is never guessed.
 */
export type NearShop = Omit<NearbyItem, 'trust'> & { trust?: TrustSummary };

/** Until the service rates a shop, it is `unrated`: never guessed better or worse. */
export function trustOf(shop: NearShop): TrustLevel {
  return shop.trust?.level ?? 'unrated';
}

/** The lowest levels a shopper may ask for: every level that is a rating (not `unrated`). */
export const TRUST_FLOORS = TRUST_LEVELS.filter((l): l is Exclude<TrustLevel, 'unrated'> => l !== 'unrated');
export type TrustFloor = (typeof TRUST_FLOORS)[number];

export type NearFilters = { guild?: string; trustAtLeast?: TrustFloor };

/** TRUST_LEVELS runs from best to worst, so "at least" is "no later in that list". */
function meets(level: TrustLevel, floor: TrustFloor): boolean {
  return TRUST_LEVELS.indexOf(level) <= TRUST_LEVELS.indexOf(floor);
}

/** A shopper choosing where to buy wants shops that trade: sealed, moved and closed ones are left out. */
export function openShops(items: readonly NearShop[]): NearShop[] {
  return items.filter((i) => i.status === 'active').sort((a, b) => a.distance - b.distance);
}

export function applyFilters(shops: readonly NearShop[], f: NearFilters): NearShop[] {
  return shops.filter(
    (s) => (!f.guild || s.guild.code === f.guild) && (!f.trustAtLeast || meets(trustOf(s), f.trustAtLeast)),
  );
}

/** The guilds among the shops, each once, by name, for the guild filter. */
export function guildsOf(shops: readonly NearShop[]): { code: string; name: string }[] {
  const byCode = new Map(shops.map((s) => [s.guild.code, s.guild.name]));
  return [...byCode]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fa'));
}
