import type Database from 'better-sqlite3';
import { OPEN_SUBSTATUSES } from '../../api/lifecycle.ts';
import type { OpsQueries } from './ops-types.ts';

// Operators' figures on SQLite. Photos are files there and rate buckets live in memory, so only
// the tables it has are counted; COUNT(*) is exact and cheap at a single instance's size.

export function createSqliteOpsQueries(db: Database.Database): OpsQueries {
  const open = db.prepare<string[], { agencyId: string; count: number }>(
    `SELECT agency_id AS agencyId, COUNT(*) AS count FROM requests
     WHERE substatus IN (${OPEN_SUBSTATUSES.map(() => '?').join(',')}) AND triage IS NULL AND spam = 0
     GROUP BY agency_id ORDER BY agency_id`,
  );
  const counts = ['idempotency', 'quotas'].map((table) => ({
    table,
    stmt: db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`),
  }));
  return {
    openComplaintsByAgency: () => open.all(...OPEN_SUBSTATUSES),
    tableRows: () => counts.map(({ table, stmt }) => ({ table, rows: stmt.get()!.n })),
  };
}
