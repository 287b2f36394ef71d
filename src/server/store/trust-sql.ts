import type { TrustFacts } from '../trust/formula.ts';
import type { MisplacedPlateRow, PlateReadingRow, TrustWindows } from './trust-types.ts';

// The trust queries' SQL, the same on both engines but for how a list of GLNs arrives (one JSON
// parameter, unpacked by each engine's own function, so any number of GLNs is one statement).
// `?` placeholders; PostgreSQL's are numbered by `numbered`. Each count is a subquery on an index
// keyed by the GLN, so a nearby page of 50 shops costs 50 index probes per count, not a scan.

const facts = (glnList: string) => `SELECT l.gln, l.verification_level, l.status,
    lic.issued_at AS licence_issued_at, lic.expires_at AS licence_expires_at,
    (SELECT COUNT(*) FROM shop_enforcement e WHERE e.gln = l.gln AND e.stage = 'written_warning' AND e.at >= ?) AS warnings,
    (SELECT COUNT(*) FROM shop_enforcement e WHERE e.gln = l.gln AND e.stage = 'pos_block' AND e.at >= ?) AS pos_blocks,
    (SELECT COUNT(*) FROM shop_enforcement e WHERE e.gln = l.gln AND e.stage = 'seal' AND e.at >= ?) AS seals,
    (SELECT COUNT(*) FROM requests r WHERE r.gln = l.gln AND r.substatus = 'violation_found' AND r.spam = 0 AND r.updated_at >= ?) AS upheld,
    (SELECT COUNT(*) FROM requests r WHERE r.gln = l.gln AND r.substatus = 'no_violation' AND r.spam = 0 AND r.updated_at >= ?) AS rejected,
    (SELECT COUNT(DISTINCT p.install_hash) FROM plate_readings p WHERE p.gln = l.gln AND p.verdict = 'near' AND p.at >= ?) AS near_installs,
    (SELECT COUNT(DISTINCT p.install_hash) FROM plate_readings p WHERE p.gln = l.gln AND p.verdict = 'far' AND p.at >= ?) AS far_installs
  FROM locations l LEFT JOIN licences lic ON lic.id = l.licence_id
  WHERE l.gln IN (${glnList})`;

const misplaced = `SELECT l.gln, l.name, l.lat, l.lng,
    COUNT(DISTINCT CASE WHEN p.verdict = 'far' THEN p.install_hash END) AS far_installs,
    COUNT(DISTINCT CASE WHEN p.verdict = 'near' THEN p.install_hash END) AS near_installs,
    MAX(p.at) AS last_at
  FROM plate_readings p JOIN locations l ON l.gln = p.gln
  WHERE p.at >= ? AND l.county = ?
  GROUP BY l.gln, l.name, l.lat, l.lng
  HAVING COUNT(DISTINCT CASE WHEN p.verdict = 'far' THEN p.install_hash END) >= ?
    AND COUNT(DISTINCT CASE WHEN p.verdict = 'far' THEN p.install_hash END)
      > COUNT(DISTINCT CASE WHEN p.verdict = 'near' THEN p.install_hash END)
  ORDER BY last_at DESC, l.gln`;

export const TRUST_SQL = {
  sqlite: {
    facts: facts('SELECT value FROM json_each(?)'),
    addReading: `INSERT INTO plate_readings (gln, install_hash, month, verdict, at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING`,
    misplaced,
    prune: 'DELETE FROM plate_readings WHERE at < ?',
  },
  postgres: {
    facts: facts('SELECT json_array_elements_text(?::json)'),
    addReading: `INSERT INTO plate_readings (gln, install_hash, month, verdict, at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING`,
    misplaced,
    prune: 'DELETE FROM plate_readings WHERE at < ?',
  },
} as const;

export const factsValues = (glns: string[], w: TrustWindows) => [
  w.history,
  w.history,
  w.history,
  w.history,
  w.history,
  w.readings,
  w.readings,
  JSON.stringify(glns),
];
export const readingValues = (r: PlateReadingRow) => [r.gln, r.installHash, r.month, r.verdict, r.at];
export const misplacedValues = (county: string, since: string, minFar: number) => [since, county, minFar];

export type FactsDbRow = {
  gln: string;
  verification_level: number;
  status: TrustFacts['status'];
  licence_issued_at: string | null;
  licence_expires_at: string | null;
  warnings: number | string;
  pos_blocks: number | string;
  seals: number | string;
  upheld: number | string;
  rejected: number | string;
  near_installs: number | string;
  far_installs: number | string;
};
// PostgreSQL answers COUNT(*) as a bigint, which node-postgres hands over as a string.
export const toFacts = (r: FactsDbRow): TrustFacts => ({
  gln: r.gln,
  verificationLevel: Number(r.verification_level) as TrustFacts['verificationLevel'],
  status: r.status,
  licenceIssuedAt: r.licence_issued_at,
  licenceExpiresAt: r.licence_expires_at,
  warnings: Number(r.warnings),
  posBlocks: Number(r.pos_blocks),
  seals: Number(r.seals),
  upheld: Number(r.upheld),
  rejected: Number(r.rejected),
  nearInstalls: Number(r.near_installs),
  farInstalls: Number(r.far_installs),
});

export type MisplacedDbRow = {
  gln: string;
  name: string;
  lat: number;
  lng: number;
  far_installs: number | string;
  near_installs: number | string;
  last_at: string;
};
export const toMisplaced = (r: MisplacedDbRow): MisplacedPlateRow => ({
  gln: r.gln,
  name: r.name,
  lat: Number(r.lat),
  lng: Number(r.lng),
  farInstalls: Number(r.far_installs),
  nearInstalls: Number(r.near_installs),
  lastAt: r.last_at,
});
