// What an operator's metrics read from the database (routes/metrics.ts), at scrape time only.
export interface OpsQueries {
  /** Open complaints in each desk's queue (not in triage, not spam): the queue depth. */
  openComplaintsByAgency(): { agencyId: string; count: number }[];
  /** Rows in the tables that grow with use and are pruned (idempotency records, photos, quotas…). */
  tableRows(): { table: string; rows: number }[];
}

/** The tables `tableRows` reports. */
export const COUNTED_TABLES = ['idempotency', 'media', 'quotas', 'rate_buckets'] as const;
