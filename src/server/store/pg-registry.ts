import type { Geo, LicenceRecord, LocationRecord, SubLocation } from '../../api/index.ts';
import type { RoutingDirectory } from '../routing/route-complaint.ts';
import { nearestSettle } from './nearest-first.ts';
import type { Query } from './pg.ts';
import {
  type AgencyRow,
  addressText,
  directoryFrom,
  type LicenceRow,
  type LocRow,
  matchFrom,
  NEARBY_SELECT,
  type NearbyRow,
  nearbyFrom,
  normalizeAddress,
  toAgency,
  toLicenceRecord,
  toLocationRecord,
  toResponsible,
} from './registry-rows.ts';
import type { AddressMatch, Async, LocationSummary, StoreQueries } from './types.ts';

// Read side of the registry on PostgreSQL. Same rows as on SQLite, mapped by registry-rows.ts;
// text ordered byte by byte (COLLATE "C"), as SQLite does, whatever the database's locale.

type Registry = Pick<
  StoreQueries,
  | 'location'
  | 'locationSummary'
  | 'licence'
  | 'nearby'
  | 'guilds'
  | 'routingDirectory'
  | 'agency'
  | 'deskAgencies'
  | 'matchAddress'
>;
type AsyncRegistry = Async<Registry>;

const COLS = `l.gln, l.name, l.role, l.licence_id, l.guild_code, l.service_code, l.province, l.city,
  l.county, l.street, l.plate, l.floor, l.unit, l.postcode, l.lat, l.lng, l.verification_level,
  l.status, l.status_since, l.replaced_by, l.pos_json, l.updated_at,
  g.name AS guild_name, g.isic_code, g.isic_title`;
const LOC = `SELECT ${COLS} FROM locations l JOIN guilds g ON g.code = l.guild_code`;
type Sibling = Pick<LocRow, 'gln' | 'name' | 'role' | 'status'>;
const POINT = `ST_SetSRID(ST_MakePoint($2, $1), 4326)::geography`;
/** Rows read beyond the answer's `limit`, so that ties at its last place are usually settled. */
const NEAREST_SPARE = 10;

export function createPgRegistryQueries(q: Query): AsyncRegistry {
  // Hot statements are named, so each connection prepares them once.
  const one = async <R>(name: string, text: string, values: unknown[]) =>
    (await q<R>({ name, text, values }))[0];
  const byGln = (gln: string) => one<LocRow>('loc-by-gln', `${LOC} WHERE l.gln = $1`, [gln]);
  const byLicence = (id: string) =>
    q<LocRow>({
      name: 'loc-by-licence',
      text: `${LOC} WHERE l.licence_id = $1 ORDER BY l.role = 'main' DESC, l.gln COLLATE "C"`,
      values: [id],
    });
  const responsible = async (r: LocRow) =>
    toResponsible(
      await one<AgencyRow>(
        'responsible',
        `SELECT * FROM agencies
         WHERE (kind = 'union' AND guild_code = $1 AND county = $2) OR (kind = 'chamber' AND county = $2)
         ORDER BY kind = 'union' DESC LIMIT 1`,
        [r.guild_code, r.county],
      ),
    );
  let directory: RoutingDirectory | undefined;

  return {
    async location(gln: string): Promise<LocationRecord | undefined> {
      // The hot path: the record, its licence's other locations, its sub-locations and its union
      // in one round trip.
      const r = await one<
        LocRow & { same_licence: Sibling[]; subs: SubLocation[]; responsible: AgencyRow | null }
      >(
        'location',
        `SELECT ${COLS},
           (SELECT json_agg(json_build_object('gln', s.gln, 'name', s.name, 'role', s.role, 'status', s.status)
                   ORDER BY s.role = 'main' DESC, s.gln COLLATE "C")
            FROM locations s WHERE s.licence_id = l.licence_id) AS same_licence,
           (SELECT coalesce(json_agg(json_build_object('ext', x.ext, 'name', x.name, 'floor', x.floor, 'unit', x.unit)
                   ORDER BY x.ext COLLATE "C"), '[]')
            FROM sublocations x WHERE x.gln = l.gln) AS subs,
           (SELECT row_to_json(a) FROM agencies a
            WHERE (a.kind = 'union' AND a.guild_code = l.guild_code AND a.county = l.county)
               OR (a.kind = 'chamber' AND a.county = l.county)
            ORDER BY a.kind = 'union' DESC LIMIT 1) AS responsible
         FROM locations l JOIN guilds g ON g.code = l.guild_code WHERE l.gln = $1`,
        [gln],
      );
      return r && toLocationRecord(r, r.same_licence, r.subs, toResponsible(r.responsible ?? undefined));
    },
    async locationSummary(gln: string): Promise<LocationSummary | undefined> {
      const r = await byGln(gln);
      return (
        r && { gln: r.gln, name: r.name, guildCode: r.guild_code, county: r.county, address: addressText(r) }
      );
    },
    async matchAddress(raw: string): Promise<AddressMatch> {
      const text = normalizeAddress(raw);
      const plates = [...new Set(text.match(/\d+/g) ?? [])];
      // As on SQLite: the plate is one of the numbers typed, the city and the street's first part
      // (before any "،") appear in the text.
      const [shops, [city]] = await Promise.all([
        q<LocRow>(
          `${LOC} WHERE l.plate = ANY($2::text[]) AND strpos($1, l.city) > 0
             AND strpos($1, split_part(l.street, '،', 1)) > 0
           LIMIT 2`,
          [text, plates],
        ),
        q<{ city: string; county: string }>(
          `SELECT city, county FROM locations WHERE strpos($1, city) > 0 GROUP BY city, county
           ORDER BY length(city) DESC, city COLLATE "C", county COLLATE "C" LIMIT 1`,
          [text],
        ),
      ]);
      return matchFrom(shops, city);
    },
    async licence(id: string): Promise<LicenceRecord | undefined> {
      const [lic, rows] = await Promise.all([
        one<LicenceRow>('licence', `SELECT * FROM licences WHERE id = $1`, [id]),
        byLicence(id),
      ]);
      return lic && rows[0] ? toLicenceRecord(lic, rows, await responsible(rows[0])) : undefined;
    },
    async nearby(at: Geo, radiusM: number, limit: number) {
      // The GiST index finds a circle a little wider than asked (PostGIS's sphere is not exactly
      // the one distanceM uses); nearbyFrom makes the exact cut, as on SQLite. It is walked
      // nearest first, and the rest of the circle read only if those rows do not settle the
      // answer (nearest-first.ts).
      const circle = [at.lat, at.lng, radiusM * 1.01 + 1];
      const asked = limit + NEAREST_SPARE;
      const nearest = await q<NearbyRow>({
        name: 'nearby-nearest',
        text: `${NEARBY_SELECT} WHERE ST_DWithin(l.geog, ${POINT}, $3, false) ORDER BY l.geog <-> ${POINT} LIMIT $4`,
        values: [...circle, asked],
      });
      if (nearestSettle(nearest, asked, at, radiusM, limit)) return nearbyFrom(nearest, at, radiusM, limit);
      const all = await q<NearbyRow>({
        name: 'nearby',
        text: `${NEARBY_SELECT} WHERE ST_DWithin(l.geog, ${POINT}, $3, false)`,
        values: circle,
      });
      return nearbyFrom(all, at, radiusM, limit);
    },
    guilds: () =>
      q<{ code: string; name: string }>(`SELECT code, name FROM guilds ORDER BY code COLLATE "C"`),
    async routingDirectory() {
      // Read on every filing, changed only by a re-seed: built once per instance.
      directory ??= directoryFrom(
        await q<AgencyRow>(`SELECT * FROM agencies WHERE kind IN ('union','chamber')`),
      );
      return directory;
    },
    async agency(id: string) {
      const a = await one<AgencyRow>('agency', `SELECT * FROM agencies WHERE id = $1`, [id]);
      return a && toAgency(a);
    },
    deskAgencies: async () =>
      (await q<AgencyRow>(`SELECT * FROM agencies WHERE kind IN ('union','chamber')`)).map(toAgency),
  };
}
