import type Database from 'better-sqlite3';
import {
  type EnforcementDbRow,
  enforcementValues,
  FIELD_SQL,
  toEnforcement,
  toVerification,
  toVisit,
  type VerificationDbRow,
  type VisitDbRow,
  verificationValues,
  visitValues,
} from './field-sql.ts';
import type { CountyRequest, FieldQueries } from './field-types.ts';
import { fromRow, type ReqRow } from './sqlite-complaints.ts';

// Field work on SQLite.

type CountyDbRow = ReqRow & { overdue_escalated_at: string | null; location_name: string | null };
export const toCountyRequest = (r: CountyDbRow): CountyRequest => ({
  ...fromRow(r),
  overdueEscalatedAt: r.overdue_escalated_at,
  locationName: r.location_name ?? null,
});

export function createFieldQueries(db: Database.Database): FieldQueries {
  const s = Object.fromEntries(Object.entries(FIELD_SQL).map(([k, sql]) => [k, db.prepare(sql)])) as Record<
    keyof typeof FIELD_SQL,
    Database.Statement
  >;
  return {
    shopEnforcement: (gln) => (s.shopEnforcement.all(gln) as EnforcementDbRow[]).map(toEnforcement),
    addShopEnforcement: (row, seq) => void s.addShopEnforcement.run(...enforcementValues(row, seq)),
    setLocationStatus: (gln, status, at) => void s.setLocationStatus.run(status, at, at, gln),
    claimOverdue: (now) => (s.claimOverdue.all(now, now) as { id: string }[]).map((r) => r.id),
    requestCounty: (id) =>
      (s.requestCounty.get(id) as { county: string | null } | undefined)?.county ?? undefined,
    countyCases: (county) => (s.countyCases.all(county) as CountyDbRow[]).map(toCountyRequest),
    countyReports: (county, code) => (s.countyReports.all(county, code) as ReqRow[]).map(fromRow),
    addVisit: (v) => void s.addVisit.run(...visitValues(v)),
    visits: (id) => (s.visits.all(id) as VisitDbRow[]).map(toVisit),
    visitMedia: () => (s.visitMedia.all() as { media_url: string }[]).map((r) => r.media_url),
    addVerification: db.transaction((v) => {
      s.addVerification.run(...verificationValues(v));
      s.raiseLevel.run(v.at, v.gln);
    }),
    lastVerification: (gln) => {
      const r = s.lastVerification.get(gln) as VerificationDbRow | undefined;
      return r && toVerification(r);
    },
  };
}
