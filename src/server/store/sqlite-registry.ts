import type Database from 'better-sqlite3';
import type { Geo, LicenceRecord, LocationRecord, SubLocation } from '../../api/index.ts';
import type { RoutingDirectory } from '../routing/route-complaint.ts';
import {
  type AgencyRow,
  addressText,
  boxAround,
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
import { rowsToRead, type TreeEntry } from './rtree-nearest.ts';
import type { AddressMatch, LocationSummary } from './types.ts';

// Read side of the registry on SQLite. Statements are prepared once: lookups are the hot path.

export function createRegistryQueries(db: Database.Database) {
  const COLS = `l.*, g.name AS guild_name, g.isic_code, g.isic_title`;
  const LOC = `SELECT ${COLS} FROM locations l JOIN guilds g ON g.code = l.guild_code`;
  const byGln = db.prepare<[string], LocRow>(`${LOC} WHERE l.gln = ?`);
  const byLicence = db.prepare<[string], LocRow>(
    `${LOC} WHERE l.licence_id = ? ORDER BY l.role = 'main' DESC, l.gln`,
  );
  // The R*Tree finds the box (ids are the GLNs' 13 digits); rows are then read by primary key
  // only for the shops that can be in the answer (rtree-nearest.ts).
  const inBox = db
    .prepare<[number, number, number, number], TreeEntry>(
      `SELECT id, min_lat, max_lat, min_lng, max_lng FROM locations_rtree
       WHERE max_lat >= ? AND min_lat <= ? AND max_lng >= ? AND min_lng <= ?`,
    )
    .raw(true);
  const byGlns = db.prepare<[string], NearbyRow>(
    `${NEARBY_SELECT} WHERE l.gln IN (SELECT printf('%013d', value) FROM json_each(?))`,
  );
  const subs = db.prepare<[string], SubLocation>(
    `SELECT ext, name, floor, unit FROM sublocations WHERE gln = ? ORDER BY ext`,
  );
  const unionFor = db.prepare<[string, string], AgencyRow>(
    `SELECT * FROM agencies WHERE kind = 'union' AND guild_code = ? AND county = ?`,
  );
  const chamberFor = db.prepare<[string], AgencyRow>(
    `SELECT * FROM agencies WHERE kind = 'chamber' AND county = ?`,
  );
  const licenceRow = db.prepare<[string], LicenceRow>(`SELECT * FROM licences WHERE id = ?`);
  const agencyById = db.prepare<[string], AgencyRow>(`SELECT * FROM agencies WHERE id = ?`);
  const guildRows = db.prepare<[], { code: string; name: string }>(
    `SELECT code, name FROM guilds ORDER BY code`,
  );
  // The street's first part ("خیابان ولیعصر" of "خیابان ولیعصر، نرسیده به میدان ونک") is what
  // people type; the rest is a landmark they often leave out.
  // Only shops whose plate is one of the numbers typed (a JSON array): the match is exact.
  const onStreet = db.prepare<[{ t: string; plates: string }], LocRow>(
    `${LOC} WHERE l.plate IN (SELECT value FROM json_each(@plates)) AND instr(@t, l.city) > 0
     AND instr(@t, CASE WHEN instr(l.street, '،') > 0 THEN substr(l.street, 1, instr(l.street, '،') - 1) ELSE l.street END) > 0
     LIMIT 2`,
  );
  const cityIn = db.prepare<[{ t: string }], { city: string; county: string }>(
    `SELECT city, county FROM locations WHERE instr(@t, city) > 0 GROUP BY city, county
     ORDER BY length(city) DESC, city, county LIMIT 1`,
  );
  const agencyRows = db.prepare<[], AgencyRow>(`SELECT * FROM agencies WHERE kind IN ('union','chamber')`);

  let directory: RoutingDirectory | undefined;
  const responsible = (r: LocRow) =>
    toResponsible(unionFor.get(r.guild_code, r.county) ?? chamberFor.get(r.county));

  return {
    location(gln: string): LocationRecord | undefined {
      const r = byGln.get(gln);
      return r && toLocationRecord(r, byLicence.all(r.licence_id), subs.all(r.gln), responsible(r));
    },
    locationSummary(gln: string): LocationSummary | undefined {
      const r = byGln.get(gln);
      return (
        r && { gln: r.gln, name: r.name, guildCode: r.guild_code, county: r.county, address: addressText(r) }
      );
    },
    matchAddress(raw: string): AddressMatch {
      const text = normalizeAddress(raw);
      const plates = JSON.stringify([...new Set(text.match(/\d+/g) ?? [])]);
      return matchFrom(onStreet.all({ t: text, plates }), cityIn.get({ t: text }));
    },
    licence(id: string): LicenceRecord | undefined {
      const lic = licenceRow.get(id);
      const rows = lic ? byLicence.all(id) : [];
      return lic && rows[0] ? toLicenceRecord(lic, rows, responsible(rows[0])) : undefined;
    },
    nearby(at: Geo, radiusM: number, limit: number) {
      const b = boxAround(at, radiusM);
      const read = rowsToRead(inBox.all(b.minLat, b.maxLat, b.minLng, b.maxLng), at, radiusM, limit);
      const found = nearbyFrom(byGlns.all(JSON.stringify(read.ids)), at, radiusM, limit);
      return { items: found.items, truncated: found.truncated || read.surelyMore };
    },
    guilds: () => guildRows.all(),
    routingDirectory(): RoutingDirectory {
      // The directory is read on every filing and changes only with a re-seed: build it once.
      directory ??= directoryFrom(agencyRows.all());
      return directory;
    },
    agency: (id: string) => {
      const a = agencyById.get(id);
      return a && toAgency(a);
    },
    deskAgencies: () => agencyRows.all().map(toAgency),
  };
}
