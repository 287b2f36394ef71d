import type {
  Geo,
  LicenceRecord,
  LocationRecord,
  NearbyItem,
  OtherLocation,
  SubLocation,
} from '../../api/index.ts';
import type { RoutingDirectory } from '../routing/route-complaint.ts';
import type { AddressMatch, Agency } from './types.ts';

// Registry rows (the same columns on both engines) as the records the API serves. Each engine
// only fetches rows; what a record, a licence or a nearby answer looks like is decided here.

export type LocRow = {
  gln: string;
  name: string;
  role: OtherLocation['role'];
  licence_id: string;
  guild_code: string;
  service_code: string;
  province: string;
  city: string;
  county: string;
  street: string;
  plate: string;
  floor: string;
  unit: string;
  postcode: string;
  lat: number;
  lng: number;
  verification_level: 1 | 2 | 3 | 4;
  status: OtherLocation['status'];
  status_since: string;
  replaced_by: string | null;
  pos_json: string;
  updated_at: string;
  guild_name: string;
  isic_code: string;
  isic_title: string;
};
export type AgencyRow = {
  id: string;
  kind: Agency['kind'];
  name: string;
  phone: string;
  address: string;
  guild_code: string | null;
  county: string | null;
};
export type LicenceRow = {
  id: string;
  holder: string;
  guild_code: string;
  issued_at: string;
  expires_at: string;
};
type Responsible = LocationRecord['union'];

export const toAgency = (r: AgencyRow): Agency => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  phone: r.phone,
  address: r.address,
  guildCode: r.guild_code,
  county: r.county,
});

/** The union (or, without one, the county chamber) shown on a record; blank when neither exists. */
export const toResponsible = (a: AgencyRow | undefined): Responsible =>
  a
    ? { id: a.id, name: a.name, phone: a.phone, address: a.address }
    : { id: '', name: '', phone: '', address: '' };

type AddressField = 'province' | 'city' | 'street' | 'plate' | 'floor' | 'unit' | 'postcode';

export function addressText(r: Pick<LocRow, AddressField>): string {
  const city = r.province === r.city ? r.city : `${r.province}، ${r.city}`;
  return `${city}، ${r.street}، پلاک ${r.plate}، طبقهٔ ${r.floor}، واحد ${r.unit}، کد پستی ${r.postcode}`;
}

const EARTH_RADIUS_M = 6_371_000;
const METRES_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180;

/** Metres between two points (haversine); plenty for "which shops are near me". */
export function distanceM(a: Geo, b: Geo): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

/** The box (degrees) that holds every point within `radiusM` of `at`: what the spatial index is asked. */
export function boxAround(at: Geo, radiusM: number) {
  // Degrees on the same sphere `distanceM` measures on, widened a little so the box always holds
  // the whole circle; the exact cut is made by distance afterwards.
  const reach = (radiusM * 1.01 + 1) / METRES_PER_DEGREE;
  const dLat = reach;
  const dLng = reach / Math.max(0.01, Math.cos((Math.min(89, Math.abs(at.lat) + dLat) * Math.PI) / 180));
  return { minLat: at.lat - dLat, maxLat: at.lat + dLat, minLng: at.lng - dLng, maxLng: at.lng + dLng };
}

type Sibling = Pick<LocRow, 'gln' | 'name' | 'role' | 'status'>;
const other = (r: Sibling): OtherLocation => ({ gln: r.gln, name: r.name, role: r.role, status: r.status });

/** `sameLicence` holds every location of the row's licence, the row itself included. */
export function toLocationRecord(
  r: LocRow,
  sameLicence: Sibling[],
  subs: SubLocation[],
  union: Responsible,
): LocationRecord {
  return {
    gln: r.gln,
    name: r.name,
    role: r.role,
    guild: { code: r.guild_code, name: r.guild_name },
    union,
    isic: { code: r.isic_code, title: r.isic_title },
    serviceCode: r.service_code,
    licenceId: r.licence_id,
    address: {
      province: r.province,
      city: r.city,
      county: r.county,
      street: r.street,
      plate: r.plate,
      floor: r.floor,
      unit: r.unit,
      postcode: r.postcode,
      text: addressText(r),
    },
    geo: { lat: r.lat, lng: r.lng },
    posTerminals: JSON.parse(r.pos_json),
    verificationLevel: r.verification_level,
    status: r.status,
    statusSince: r.status_since,
    ...(r.replaced_by ? { replacedBy: r.replaced_by } : {}),
    otherLocations: sameLicence.filter((s) => s.gln !== r.gln).map(other),
    subLocations: subs,
    updatedAt: r.updated_at,
  };
}

/** `rows` in the licence's order (main first); undefined when the licence has none. */
export function toLicenceRecord(
  lic: LicenceRow,
  rows: LocRow[],
  union: Responsible,
): LicenceRecord | undefined {
  const head = rows[0];
  if (!head) return undefined;
  return {
    licenceId: lic.id,
    holder: lic.holder,
    guild: { code: head.guild_code, name: head.guild_name },
    union,
    isic: { code: head.isic_code, title: head.isic_title },
    issuedAt: lic.issued_at,
    expiresAt: lic.expires_at,
    locations: rows.map((r) => ({
      ...other(r),
      address: addressText(r),
      geo: { lat: r.lat, lng: r.lng },
    })),
  };
}

/**
 * The index hands over candidates (a box, or a slightly wider circle); the exact distance, the
 * cut at `radiusM`, the order and the cap are decided here, so both engines give the same answer.
 */
/** A nearby shop as the registry knows it; the route adds its trust summary. */
export type NearbyPlace = Omit<NearbyItem, 'trust'>;

/**
 * What a nearby answer shows of a shop, and so all a nearby search reads: on PostgreSQL the
 * driver parsing all 25 columns of 60 rows (timestamps, POS terminals) cost 1.2 ms of the
 * service's CPU per search, these 0.55 ms.
 */
export type NearbyRow = Pick<
  LocRow,
  'gln' | 'name' | 'guild_code' | 'guild_name' | 'status' | 'lat' | 'lng' | AddressField
>;
/** NearbyRow's columns, on both engines; each adds only how it finds the candidates (`WHERE …`). */
export const NEARBY_SELECT = `SELECT l.gln, l.name, l.guild_code, g.name AS guild_name, l.status, l.lat, l.lng,
  l.province, l.city, l.street, l.plate, l.floor, l.unit, l.postcode
  FROM locations l JOIN guilds g ON g.code = l.guild_code`;

export function nearbyFrom(candidates: NearbyRow[], at: Geo, radiusM: number, limit: number) {
  const found: NearbyPlace[] = [];
  for (const r of candidates) {
    const d = distanceM(at, r);
    if (d <= radiusM)
      found.push({
        gln: r.gln,
        name: r.name,
        guild: { code: r.guild_code, name: r.guild_name },
        status: r.status,
        geo: { lat: r.lat, lng: r.lng },
        address: addressText(r),
        distance: Math.round(d),
      });
  }
  found.sort((a, b) => a.distance - b.distance || a.gln.localeCompare(b.gln));
  return { items: found.slice(0, limit), truncated: found.length > limit };
}

export function directoryFrom(agencies: AgencyRow[]): RoutingDirectory {
  const dir: RoutingDirectory = { unions: {}, chambers: {} };
  for (const a of agencies) {
    if (a.kind === 'union' && a.guild_code && a.county) dir.unions[`${a.guild_code}|${a.county}`] = a.id;
    if (a.kind === 'chamber' && a.county) dir.chambers[a.county] = a.id;
  }
  return dir;
}

/** Typed addresses and the registry meet on one spelling: Latin digits, Persian yeh and kaf. */
export function normalizeAddress(text: string): string {
  return text
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/\u064a/g, '\u06cc')
    .replace(/\u0643/g, '\u06a9')
    .replace(/\s+/g, ' ');
}

/**
 * Where a typed address lands: `shops` are those (at most two are needed) whose city, street and
 * plate the text names; `city` the longest city name it contains.
 */
export function matchFrom(shops: LocRow[], city: { city: string; county: string } | undefined): AddressMatch {
  // Only an unambiguous match names a shop: a complaint must never land on a neighbour.
  const first = shops[0];
  if (first && shops.length === 1)
    return {
      kind: 'shop',
      shop: {
        gln: first.gln,
        name: first.name,
        guildCode: first.guild_code,
        county: first.county,
        address: addressText(first),
      },
    };
  return city ? { kind: 'county', county: city.county, city: city.city } : { kind: 'none' };
}
