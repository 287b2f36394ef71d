import { OPEN_SUBSTATUSES } from '../../api/lifecycle.ts';
import { COUNTED_TABLES, type OpsQueries } from './ops-types.ts';
import type { Query } from './pg.ts';
import type { Async } from './types.ts';

// Operators' figures on PostgreSQL. Table sizes are the statistics collector's live-row
// estimates: a scrape every few seconds must not COUNT(*) millions of idempotency records.

export function createPgOpsQueries(q: Query): Async<OpsQueries> {
  return {
    openComplaintsByAgency: () =>
      q<{ agencyId: string; count: number }>(
        `SELECT agency_id AS "agencyId", COUNT(*)::int AS count FROM requests
         WHERE substatus = ANY($1) AND triage IS NULL AND spam = 0
         GROUP BY agency_id ORDER BY agency_id`,
        [OPEN_SUBSTATUSES],
      ),
    tableRows: () =>
      q<{ table: string; rows: number }>(
        `SELECT relname AS table, n_live_tup::float8 AS rows FROM pg_stat_user_tables
         WHERE relname = ANY($1) ORDER BY relname`,
        [COUNTED_TABLES],
      ),
  };
}
