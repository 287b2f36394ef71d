import {
  type EnforcementDbRow,
  enforcementValues,
  FIELD_SQL,
  numbered,
  toEnforcement,
  toVerification,
  toVisit,
  type VerificationDbRow,
  type VisitDbRow,
  verificationValues,
  visitValues,
} from './field-sql.ts';
import type { FieldQueries } from './field-types.ts';
import type { Query } from './pg.ts';
import { fromRow, type ReqRow } from './sqlite-complaints.ts';
import { toCountyRequest } from './sqlite-field.ts';
import type { Async } from './types.ts';

// Field work on PostgreSQL: the same SQL as SQLite's, numbered.

const SQL = Object.fromEntries(Object.entries(FIELD_SQL).map(([k, sql]) => [k, numbered(sql)])) as Record<
  keyof typeof FIELD_SQL,
  string
>;

export function createPgFieldQueries(
  q: Query,
  atomically: <T>(fn: () => Promise<T>) => Promise<T>,
): Async<FieldQueries> {
  return {
    // Read with every public record a cache miss loads: named, so each connection plans it once.
    shopEnforcement: async (gln) =>
      (await q<EnforcementDbRow>({ name: 'shop-enforcement', text: SQL.shopEnforcement, values: [gln] })).map(
        toEnforcement,
      ),
    addShopEnforcement: async (row, seq) =>
      void (await q(SQL.addShopEnforcement, enforcementValues(row, seq))),
    setLocationStatus: async (gln, status, at) =>
      void (await q(SQL.setLocationStatus, [status, at, at, gln])),
    claimOverdue: async (now) => (await q<{ id: string }>(SQL.claimOverdue, [now, now])).map((r) => r.id),
    requestCounty: async (id) =>
      (await q<{ county: string | null }>(SQL.requestCounty, [id]))[0]?.county ?? undefined,
    countyCases: async (county) =>
      (await q<Parameters<typeof toCountyRequest>[0]>(SQL.countyCases, [county])).map(toCountyRequest),
    countyReports: async (county, code) => (await q<ReqRow>(SQL.countyReports, [county, code])).map(fromRow),
    addVisit: async (v) => void (await q(SQL.addVisit, visitValues(v))),
    visits: async (id) => (await q<VisitDbRow>(SQL.visits, [id])).map(toVisit),
    visitMedia: async () => (await q<{ media_url: string }>(SQL.visitMedia)).map((r) => r.media_url),
    addVerification: (v) =>
      atomically(async () => {
        await q(SQL.addVerification, verificationValues(v));
        await q(SQL.raiseLevel, [v.at, v.gln]);
      }),
    lastVerification: async (gln) => {
      const [r] = await q<VerificationDbRow>({
        name: 'last-verification',
        text: SQL.lastVerification,
        values: [gln],
      });
      return r && toVerification(r);
    },
  };
}
