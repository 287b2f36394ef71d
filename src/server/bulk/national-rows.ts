import type { LocationStatus, VerificationLevel } from '../../api/index.ts';
import { withCheckDigit } from '../gln.ts';
import { daysAgo, pickGuild, pointIn, postcode, terminals } from '../seed/generate.ts';
import { createRng } from '../seed/prng.ts';
import { CITIES, FLOORS, HOLDER_FIRST, HOLDER_LAST, SHOP_NAMES } from '../seed/tables.ts';
import type { SeedLicence, SeedLocation } from '../seed/types.ts';

// A national-size registry made of the seed's vocabulary: the same guilds, counties (so every
// shop has its union and chamber), streets and names, at any size. Row i depends only on the seed
// and i, never on the rows before it, so a run stopped half way resumes at the first row not yet
// stored and still writes exactly what an uninterrupted run would.

/** GLN serials of generated shops start here: far above the demo registry's few thousand. */
export const NATIONAL_SERIAL_BASE = 100_000_000;
/** Capacity of the 9-digit serial under GS1 Iran's prefix 626. */
export const NATIONAL_MAX = 900_000_000;
/** Every tenth row is a branch of the shop before it: one licence, two locations. */
const BRANCH_EVERY = 10;
/**
 * Shops per square kilometre in a city: Tehran's guild units are a few hundred thousand over some
 * 700 km². The city's disc grows with the registry, so a 300 m search meets a realistic crowd (a
 * few hundred shops) whatever the size, instead of all of them piling into the demo's small discs.
 */
const SHOPS_PER_KM2 = 600;
// Tehran carries twice the share of every other city, as in the demo registry.
const CITY_WEIGHTS = CITIES.map((_, i) => (i === 0 ? 2 : 1));
const WEIGHT_TOTAL = CITY_WEIGHTS.reduce((a, b) => a + b, 0);

export const nationalGln = (index: number) =>
  withCheckDigit(`626${String(NATIONAL_SERIAL_BASE + index).padStart(9, '0')}`);

/** One generator per registry size: the cities' discs depend on it. */
export function nationalRows(seed: number, count: number) {
  if (!Number.isInteger(count) || count < 1 || count > NATIONAL_MAX)
    throw new RangeError(`count must be 1 … ${NATIONAL_MAX}`);
  const spreadKm = CITIES.map((city, i) => {
    const shops = (count * CITY_WEIGHTS[i]!) / WEIGHT_TOTAL;
    return Math.max(city.spreadKm, Math.sqrt(shops / (Math.PI * SHOPS_PER_KM2)));
  });
  // Each row's own stream: a well-mixed 32-bit seed from (seed, index).
  const rowRng = (index: number) => {
    let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    return createRng((h ^ (h >>> 15)) >>> 0);
  };
  const cityOf = (x: number) => {
    let left = x * WEIGHT_TOTAL;
    for (let i = 0; i < CITIES.length; i++) {
      left -= CITY_WEIGHTS[i]!;
      if (left < 0) return i;
    }
    return CITIES.length - 1;
  };
  const isBranch = (index: number) => index % BRANCH_EVERY === BRANCH_EVERY - 1;
  // A licence is named after its main location's index: 13 digits, never one of the demo's 12.
  const licenceIdOf = (mainIndex: number) =>
    `${1394 + (mainIndex % 10)}${String(mainIndex).padStart(9, '0')}`;
  // What a branch shares with its main location: the shop's city, guild, holder and name.
  const shopOf = (mainIndex: number) => {
    const rng = rowRng(mainIndex);
    const cityIndex = cityOf(rng.next());
    const guild = pickGuild(rng);
    const holder = `${rng.pick(HOLDER_FIRST)} ${rng.pick(HOLDER_LAST)}`;
    const name = `${rng.pick(guild.prefixes)} ${rng.pick(SHOP_NAMES)}`;
    return { rng, cityIndex, guild, holder, name };
  };

  return {
    count,
    /** The licence row a main location brings; branches bring none. */
    licence(index: number): SeedLicence | undefined {
      if (isBranch(index)) return undefined;
      const { rng, guild, holder } = shopOf(index);
      const issued = Date.parse('2025-01-01T08:30:00Z') - rng.int(200, 3500) * 86_400_000;
      return {
        id: licenceIdOf(index),
        holder,
        guildCode: guild.code,
        issuedAt: new Date(issued).toISOString(),
        expiresAt: new Date(issued + 5 * 365 * 86_400_000).toISOString(),
      };
    },
    location(index: number): SeedLocation {
      const branch = isBranch(index);
      const mainIndex = branch ? index - 1 : index;
      const shop = shopOf(mainIndex);
      const city = CITIES[shop.cityIndex]!;
      // The row's own draws come from its own stream, so a branch differs from its main location.
      const rng = branch ? rowRng(index) : shop.rng;
      const roll = rng.next();
      const status: LocationStatus =
        roll < 0.03 ? 'sealed' : roll < 0.06 ? 'closed' : roll < 0.09 ? 'moved' : 'active';
      const name = branch
        ? `${shop.name} (شعبهٔ ${rng.pick(city.streets).replace(/^(خیابان|بلوار) /, '')})`
        : shop.name;
      const street = rng.chance(0.4)
        ? `${rng.pick(city.streets)}، کوچهٔ ${rng.pick(SHOP_NAMES)}`
        : rng.pick(city.streets);
      return {
        gln: nationalGln(index),
        name,
        role: branch ? 'branch' : 'main',
        licenceId: licenceIdOf(mainIndex),
        guildCode: shop.guild.code,
        serviceCode: `${shop.guild.isic}${String(shop.cityIndex + 1).padStart(2, '0')}${rng.digits(7)}`,
        province: city.province,
        city: city.city,
        county: city.county,
        street,
        plate: String(rng.int(1, 650)),
        floor: rng.pick(FLOORS),
        unit: String(rng.int(1, 12)),
        postcode: postcode(rng, city),
        ...pointIn(rng, city, spreadKm[shop.cityIndex]),
        verificationLevel: rng.pick([1, 1, 2, 2, 3, 4, 4] as VerificationLevel[]),
        status,
        statusSince: daysAgo(rng, 1200),
        // A moved shop points at the next row (a real, active-looking place) when there is one.
        replacedBy: status === 'moved' && index + 1 < count ? nationalGln(index + 1) : null,
        pos: terminals(rng, name, shop.holder),
        updatedAt: daysAgo(rng, 60),
      };
    },
  };
}

export type NationalRows = ReturnType<typeof nationalRows>;
