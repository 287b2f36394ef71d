import type { EnforcementRow, VerificationRow, VisitRow } from './field-types.ts';
import { OPEN_SUBSTATUSES } from './sqlite-complaints.ts';

// The field queries' SQL, the same on both engines: written with `?` placeholders, numbered
// for PostgreSQL by `numbered`. Rows map to records here, once.

export const FIELD_SQL = {
  shopEnforcement: `SELECT * FROM shop_enforcement WHERE gln = ? ORDER BY seq DESC`,
  addShopEnforcement: `INSERT INTO shop_enforcement (gln, seq, stage, at, until_at, request_id, staff_id, staff_name, staff_role)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  setLocationStatus: `UPDATE locations SET status = ?, status_since = ?, updated_at = ? WHERE gln = ?`,
  claimOverdue: `UPDATE requests SET overdue_escalated_at = ?
    WHERE overdue_escalated_at IS NULL AND expected_at < ? AND substatus IN ${OPEN_SUBSTATUSES}
      AND triage IS NULL AND spam = 0
    RETURNING id`,
  requestCounty: `SELECT COALESCE(l.county, a.county) AS county FROM requests r
    JOIN agencies a ON a.id = r.agency_id LEFT JOIN locations l ON l.gln = r.gln WHERE r.id = ?`,
  countyCases: `SELECT r.*, l.name AS location_name FROM requests r
    JOIN agencies a ON a.id = r.agency_id LEFT JOIN locations l ON l.gln = r.gln
    WHERE COALESCE(l.county, a.county) = ? AND (r.escalated = 1 OR r.overdue_escalated_at IS NOT NULL)
      AND r.substatus IN ${OPEN_SUBSTATUSES} AND r.triage IS NULL AND r.spam = 0
    ORDER BY r.expected_at, r.id`,
  countyReports: `SELECT r.* FROM requests r JOIN agencies a ON a.id = r.agency_id
    WHERE a.county = ? AND r.service_code = ? AND r.substatus IN ${OPEN_SUBSTATUSES}
      AND r.triage IS NULL AND r.spam = 0
    ORDER BY r.requested_at, r.id`,
  addVisit: `INSERT INTO field_visits (id, request_id, outcome, at, media_url, staff_id, staff_name)
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
  visits: `SELECT * FROM field_visits WHERE request_id = ? ORDER BY at DESC, id`,
  visitMedia: `SELECT media_url FROM field_visits`,
  addVerification: `INSERT INTO location_verifications (id, gln, at, staff_id, staff_name, fix_json)
    VALUES (?, ?, ?, ?, ?, ?)`,
  raiseLevel: `UPDATE locations SET verification_level = 4, updated_at = ? WHERE gln = ?`,
  lastVerification: `SELECT * FROM location_verifications WHERE gln = ? ORDER BY at DESC, id LIMIT 1`,
} as const;

/** `?` placeholders as PostgreSQL's `$1, $2, …`. */
export const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export type EnforcementDbRow = {
  gln: string;
  seq: number;
  stage: EnforcementRow['stage'];
  at: string;
  until_at: string | null;
  request_id: string;
  staff_id: string;
  staff_name: string;
  staff_role: EnforcementRow['staffRole'];
};
export const toEnforcement = (r: EnforcementDbRow): EnforcementRow => ({
  gln: r.gln,
  seq: Number(r.seq),
  stage: r.stage,
  at: r.at,
  until: r.until_at,
  requestId: r.request_id,
  staffId: r.staff_id,
  staffName: r.staff_name,
  staffRole: r.staff_role,
});
export const enforcementValues = (row: Omit<EnforcementRow, 'seq'>, seq: number) => [
  row.gln,
  seq,
  row.stage,
  row.at,
  row.until,
  row.requestId,
  row.staffId,
  row.staffName,
  row.staffRole,
];

export type VisitDbRow = {
  id: string;
  request_id: string;
  outcome: VisitRow['outcome'];
  at: string;
  media_url: string;
  staff_id: string;
  staff_name: string;
};
export const toVisit = (r: VisitDbRow): VisitRow => ({
  id: r.id,
  requestId: r.request_id,
  outcome: r.outcome,
  at: r.at,
  mediaUrl: r.media_url,
  staffId: r.staff_id,
  staffName: r.staff_name,
});
export const visitValues = (v: VisitRow) => [
  v.id,
  v.requestId,
  v.outcome,
  v.at,
  v.mediaUrl,
  v.staffId,
  v.staffName,
];

export type VerificationDbRow = {
  id: string;
  gln: string;
  at: string;
  staff_id: string;
  staff_name: string;
  fix_json: string;
};
export const toVerification = (r: VerificationDbRow): VerificationRow => ({
  id: r.id,
  gln: r.gln,
  at: r.at,
  staffId: r.staff_id,
  staffName: r.staff_name,
  fix: JSON.parse(r.fix_json),
});
export const verificationValues = (v: VerificationRow) => [
  v.id,
  v.gln,
  v.at,
  v.staffId,
  v.staffName,
  JSON.stringify(v.fix),
];
