import type { LocationRole, LocationStatus, PosTerminal, VerificationLevel } from '../../api/index.ts';
import { withCheckDigit } from '../gln.ts';
import { ROUTING_TABLE } from '../routing/table.ts';
import { createRng, type Rng } from './prng.ts';
import {
  BANKS,
  CITIES,
  type City,
  FLOORS,
  GUILDS,
  type GuildDef,
  HOLDER_FIRST,
  HOLDER_LAST,
  SHOP_NAMES,
} from './tables.ts';
import type { SeedAgency, SeedData, SeedLicence, SeedLocation, SeedSubLocation } from './types.ts';

// The demo registry, generated from a fixed seed: the same GLNs and names on every machine, so
// docs, tests and printed plates agree. Credentials are not part of it: anything derived from a
// seed in the source is public, so clerks' tokens are drawn at random when the store is first
// seeded (secrets/union-tokens.ts).

export const DEMO_SEED = 1402;
/** The first location: a Tehran supermarket, active, level 4, with a branch, a warehouse and two entrances. */
export const FIRST_DEMO_GLN = withCheckDigit('626000000001');
const BASE = Date.parse('2025-01-01T08:30:00Z');

export type GeneratedRegistry = { data: SeedData };

export const daysAgo = (rng: Rng, max: number) => new Date(BASE - rng.int(1, max) * 86_400_000).toISOString();

export function postcode(rng: Rng, city: City): string {
  // Iranian postcodes avoid 0 and 2 in their first five digits.
  const head = Array.from({ length: 4 }, () => rng.pick(['1', '3', '4', '5', '6', '7', '8', '9'])).join('');
  return city.postcodeLead + head + rng.digits(5);
}

/** A point spread evenly over the disc of `spreadKm` around the city centre. */
export function pointIn(rng: Rng, city: City, spreadKm = city.spreadKm): { lat: number; lng: number } {
  const r = spreadKm * Math.sqrt(rng.next());
  const t = rng.next() * 2 * Math.PI;
  const lat = city.lat + (r * Math.cos(t)) / 111.32;
  const lng = city.lng + (r * Math.sin(t)) / (111.32 * Math.cos((city.lat * Math.PI) / 180));
  return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
}

export function pickGuild(rng: Rng): GuildDef {
  const total = GUILDS.reduce((s, g) => s + g.weight, 0);
  let x = rng.next() * total;
  for (const g of GUILDS) {
    x -= g.weight;
    if (x < 0) return g;
  }
  return GUILDS[0]!;
}

export function terminals(rng: Rng, shopName: string, holder: string): PosTerminal[] {
  return Array.from({ length: rng.int(0, 3) }, () => ({
    terminalId: rng.digits(8),
    // Some terminals print another name: exactly what the "POS name mismatch" complaint is for.
    name: rng.chance(0.06) ? `فروشگاه ${holder}` : shopName,
    bank: rng.pick(BANKS),
  }));
}

export function generateRegistry(seed = DEMO_SEED, perCity = 400): GeneratedRegistry {
  const rng = createRng(seed);
  const agencies: SeedAgency[] = [];
  // Every desk starts without a login; the store's first seeding gives each a random token. The
  // draw that once made the token is still taken, so every shop, phone and address stays as it was.
  const desk = (a: Omit<SeedAgency, 'tokenHash'>): SeedAgency => {
    rng.hex(24);
    return { ...a, tokenHash: null };
  };
  for (const city of CITIES) {
    agencies.push(
      desk({
        id: `chamber-${city.key}`,
        kind: 'chamber',
        name: `بازرسی اتاق اصناف ${city.county}`,
        phone: `${city.phone}-${rng.int(2, 8)}${rng.digits(7)}`,
        address: city.chamberAddress,
        guildCode: null,
        county: city.county,
      }),
    );
    for (const g of GUILDS) {
      agencies.push(
        desk({
          id: `union-${g.code}-${city.key}`,
          kind: 'union',
          name: `${g.unionName} ${city.county}`,
          phone: `${city.phone}-${rng.int(2, 8)}${rng.digits(7)}`,
          address: `${city.city}، ${rng.pick(city.streets)}، پلاک ${rng.int(1, 400)}، ساختمان اتحادیه`,
          guildCode: g.code,
          county: city.county,
        }),
      );
    }
  }
  for (const e of ROUTING_TABLE.external)
    agencies.push({ ...e, kind: 'external', guildCode: null, county: null, tokenHash: null });

  const licences: SeedLicence[] = [];
  const locations: SeedLocation[] = [];
  const subLocations: SeedSubLocation[] = [];
  let glnSerial = 1;
  const nextGln = () => withCheckDigit(`626${String(glnSerial++).padStart(9, '0')}`);

  const place = (
    city: City,
    cityIndex: number,
    g: GuildDef,
    licenceId: string,
    name: string,
    role: LocationRole,
    holder: string,
    status: LocationStatus = 'active',
  ): SeedLocation => {
    const street = rng.chance(0.4)
      ? `${rng.pick(city.streets)}، کوچهٔ ${rng.pick(SHOP_NAMES)}`
      : rng.pick(city.streets);
    const floor = role === 'warehouse' ? rng.pick(['همکف', 'زیرزمین']) : rng.pick(FLOORS);
    const plate = String(rng.int(1, 650));
    const unit = String(rng.int(1, 12));
    const pc = postcode(rng, city);
    return {
      gln: nextGln(),
      name,
      role,
      licenceId,
      guildCode: g.code,
      serviceCode: `${g.isic}${String(cityIndex + 1).padStart(2, '0')}${rng.digits(7)}`,
      province: city.province,
      city: city.city,
      county: city.county,
      street,
      plate,
      floor,
      unit,
      postcode: pc,
      ...pointIn(rng, city),
      verificationLevel: rng.pick([1, 1, 2, 2, 3, 4, 4] as VerificationLevel[]),
      status,
      statusSince: daysAgo(rng, 1200),
      replacedBy: null,
      pos: role === 'warehouse' ? [] : terminals(rng, name, holder),
      updatedAt: daysAgo(rng, 60),
    };
  };

  CITIES.forEach((city, cityIndex) => {
    const count = cityIndex === 0 ? perCity * 2 : perCity;
    for (let i = 0; i < count; i++) {
      const first = locations.length === 0;
      const g = first ? GUILDS[0]! : pickGuild(rng);
      const holder = `${rng.pick(HOLDER_FIRST)} ${rng.pick(HOLDER_LAST)}`;
      const name = first ? 'سوپرمارکت آفتاب' : `${rng.pick(g.prefixes)} ${rng.pick(SHOP_NAMES)}`;
      const issued = BASE - rng.int(200, 3500) * 86_400_000;
      const licenceId = `${rng.int(1394, 1403)}${rng.digits(8)}`;
      licences.push({
        id: licenceId,
        holder,
        guildCode: g.code,
        issuedAt: new Date(issued).toISOString(),
        expiresAt: new Date(issued + 5 * 365 * 86_400_000).toISOString(),
      });

      const roll = rng.next();
      const status: LocationStatus = first
        ? 'active'
        : roll < 0.03
          ? 'sealed'
          : roll < 0.06
            ? 'closed'
            : roll < 0.09
              ? 'moved'
              : 'active';
      const main = place(city, cityIndex, g, licenceId, name, 'main', holder, status);
      if (first)
        Object.assign(main, {
          pos: [
            { terminalId: '31004521', name, bank: 'بانک ملت' },
            { terminalId: '72019934', name, bank: 'بانک سامان' },
          ],
          verificationLevel: 4,
          street: 'خیابان ولیعصر، نرسیده به میدان ونک',
          floor: 'همکف',
          plate: '1234',
          unit: '1',
        });
      locations.push(main);
      if (status === 'moved') {
        const moved = place(city, cityIndex, g, licenceId, name, 'main', holder);
        main.replacedBy = moved.gln;
        locations.push(moved);
      }
      if (first || rng.chance(0.08))
        locations.push(
          place(
            city,
            cityIndex,
            g,
            licenceId,
            `${name} (شعبهٔ ${rng.pick(city.streets).replace(/^(خیابان|بلوار) /, '')})`,
            'branch',
            holder,
          ),
        );
      if (first || (g.warehouses && rng.chance(0.12)))
        locations.push(place(city, cityIndex, g, licenceId, `انبار ${name}`, 'warehouse', holder));
      if (first || rng.chance(0.02)) {
        subLocations.push({
          gln: main.gln,
          ext: 'E1',
          name: 'ورودی اصلی',
          floor: main.floor,
          unit: main.unit,
        });
        subLocations.push({
          gln: main.gln,
          ext: 'E2',
          name: 'ورودی پارکینگ',
          floor: 'زیرزمین',
          unit: main.unit,
        });
      }
    }
  });

  const guilds = GUILDS.map((g) => ({
    code: g.code,
    name: g.name,
    isicCode: g.isic,
    isicTitle: g.isicTitle,
  }));
  return { data: { guilds, agencies, licences, locations, subLocations } };
}
