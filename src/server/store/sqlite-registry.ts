import type Database from 'better-sqlite3';
import type {
  Geo,
  LicenceRecord,
  LocationRecord,
  NearbyItem,
  OtherLocation,
  SubLocation,
} from '../../api/index.ts';
import type { RoutingDirectory } from '../routing/route-complaint.ts';
import type { AddressMatch, Agency, LocationSummary } from './types.ts';

// Read side of the registry on SQLite. Statements are prepared once: lookups are the hot path.

type LocRow = {
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
type AgencyRow = {
  id: string;
  kind: Agency['kind'];
  name: string;
  phone: string;
  address: string;
  guild_code: string | null;
  county: string | null;
};

const toAgency = (r: AgencyRow): Agency => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  phone: r.phone,
  address: r.address,
  guildCode: r.guild_code,
  county: r.county,
});

export function addressText(
  r: Pick<LocRow, 'province' | 'city' | 'street' | 'plate' | 'floor' | 'unit' | 'postcode'>,
): string {
  const city = r.province === r.city ? r.city : `${r.province}، ${r.city}`;
  return `${city}، ${r.street}، پلاک ${r.plate}، طبقهٔ ${r.floor}، واحد ${r.unit}، کد پستی ${r.postcode}`;
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

/** Metres between two points (haversine); plenty for "which shops are near me". */
export function distanceM(a: Geo, b: Geo): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

export function createRegistryQueries(db: Database.Database) {
  const LOC = `SELECT l.*, g.name AS guild_name, g.isic_code, g.isic_title FROM locations l JOIN guilds g ON g.code = l.guild_code`;
  const byGln = db.prepare<[string], LocRow>(`${LOC} WHERE l.gln = ?`);
  const byLicence = db.prepare<[string], LocRow>(
    `${LOC} WHERE l.licence_id = ? ORDER BY l.role = 'main' DESC, l.gln`,
  );
  const inBox = db.prepare<[number, number, number, number], LocRow>(
    `${LOC} WHERE l.lat BETWEEN ? AND ? AND l.lng BETWEEN ? AND ?`,
  );
  const subs = db.prepare<[string], { ext: string; name: string; floor: string; unit: string }>(
    `SELECT ext, name, floor, unit FROM sublocations WHERE gln = ? ORDER BY ext`,
  );
  const unionFor = db.prepare<[string, string], AgencyRow>(
    `SELECT * FROM agencies WHERE kind = 'union' AND guild_code = ? AND county = ?`,
  );
  const chamberFor = db.prepare<[string], AgencyRow>(
    `SELECT * FROM agencies WHERE kind = 'chamber' AND county = ?`,
  );
  const licenceRow = db.prepare<
    [string],
    { id: string; holder: string; guild_code: string; issued_at: string; expires_at: string }
  >(`SELECT * FROM licences WHERE id = ?`);
  const agencyById = db.prepare<[string], AgencyRow>(`SELECT * FROM agencies WHERE id = ?`);
  const agencyByHash = db.prepare<[string], AgencyRow>(`SELECT * FROM agencies WHERE token_hash = ?`);
  const guildRows = db.prepare<[], { code: string; name: string }>(
    `SELECT code, name FROM guilds ORDER BY code`,
  );
  // The street's first part ("خیابان ولیعصر" of "خیابان ولیعصر، نرسیده به میدان ونک") is what
  // people type; the rest is a landmark they often leave out.
  const onStreet = db.prepare<[{ t: string }], LocRow>(
    `${LOC} WHERE instr(@t, l.city) > 0 AND instr(@t, CASE WHEN instr(l.street, '،') > 0 THEN substr(l.street, 1, instr(l.street, '،') - 1) ELSE l.street END) > 0 LIMIT 500`,
  );
  const cityIn = db.prepare<[{ t: string }], { city: string; county: string }>(
    `SELECT city, county FROM locations WHERE instr(@t, city) > 0 GROUP BY city, county ORDER BY length(city) DESC LIMIT 1`,
  );
  const agencyRows = db.prepare<[], AgencyRow>(`SELECT * FROM agencies WHERE kind IN ('union','chamber')`);
  const setTokenHash = db.prepare(
    `UPDATE agencies SET token_hash = ? WHERE id = ? AND kind IN ('union','chamber')`,
  );

  let directory: RoutingDirectory | undefined;
  const responsible = (r: LocRow) => {
    const a = unionFor.get(r.guild_code, r.county) ?? chamberFor.get(r.county);
    return a
      ? { id: a.id, name: a.name, phone: a.phone, address: a.address }
      : { id: '', name: '', phone: '', address: '' };
  };
  const other = (r: LocRow): OtherLocation => ({ gln: r.gln, name: r.name, role: r.role, status: r.status });

  return {
    location(gln: string): LocationRecord | undefined {
      const r = byGln.get(gln);
      if (!r) return undefined;
      const siblings = byLicence.all(r.licence_id).filter((s) => s.gln !== r.gln);
      return {
        gln: r.gln,
        name: r.name,
        role: r.role,
        guild: { code: r.guild_code, name: r.guild_name },
        union: responsible(r),
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
        otherLocations: siblings.map(other),
        subLocations: subs.all(r.gln) as SubLocation[],
        updatedAt: r.updated_at,
      };
    },
    locationSummary(gln: string): LocationSummary | undefined {
      const r = byGln.get(gln);
      return (
        r && { gln: r.gln, name: r.name, guildCode: r.guild_code, county: r.county, address: addressText(r) }
      );
    },
    matchAddress(raw: string): AddressMatch {
      const text = normalizeAddress(raw);
      const numbers = new Set(text.match(/\d+/g) ?? []);
      const shops = onStreet.all({ t: text }).filter((r) => numbers.has(r.plate));
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
      const city = cityIn.get({ t: text });
      return city ? { kind: 'county', county: city.county, city: city.city } : { kind: 'none' };
    },
    licence(id: string): LicenceRecord | undefined {
      const lic = licenceRow.get(id);
      const rows = lic ? byLicence.all(id) : [];
      const head = rows[0];
      if (!lic || !head) return undefined;
      return {
        licenceId: lic.id,
        holder: lic.holder,
        guild: { code: head.guild_code, name: head.guild_name },
        union: responsible(head),
        isic: { code: head.isic_code, title: head.isic_title },
        issuedAt: lic.issued_at,
        expiresAt: lic.expires_at,
        locations: rows.map((r) => ({
          ...other(r),
          address: addressText(r),
          geo: { lat: r.lat, lng: r.lng },
        })),
      };
    },
    nearby(at: Geo, radiusM: number, limit: number) {
      const dLat = radiusM / 111_320;
      const dLng = radiusM / (111_320 * Math.max(0.01, Math.cos((at.lat * Math.PI) / 180)));
      const found: NearbyItem[] = [];
      for (const r of inBox.all(at.lat - dLat, at.lat + dLat, at.lng - dLng, at.lng + dLng)) {
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
    },
    guilds: () => guildRows.all(),
    routingDirectory(): RoutingDirectory {
      // The directory is read on every filing and changes only with a re-seed: build it once.
      if (directory) return directory;
      const dir: RoutingDirectory = { unions: {}, chambers: {} };
      for (const a of agencyRows.all()) {
        if (a.kind === 'union' && a.guild_code && a.county) dir.unions[`${a.guild_code}|${a.county}`] = a.id;
        if (a.kind === 'chamber' && a.county) dir.chambers[a.county] = a.id;
      }
      directory = dir;
      return dir;
    },
    agency: (id: string) => {
      const a = agencyById.get(id);
      return a && toAgency(a);
    },
    agencyByTokenHash: (hash: string) => {
      const a = agencyByHash.get(hash);
      return a && toAgency(a);
    },
    deskAgencies: () => agencyRows.all().map(toAgency),
    setAgencyTokenHash: (id: string, hash: string) => setTokenHash.run(hash, id).changes > 0,
  };
}
