import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bearer } from '../complaints/auth.ts';
import type { ServiceDeps } from '../deps.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { type Gauge, renderMetrics } from '../metrics.ts';

// GET /metrics for Prometheus, with the operator's token (`Authorization: Bearer`, see
// secrets/metrics-token.ts). A token rather than a second listening address: start:cluster's
// workers share one port, a second one per worker would need a port each, and behind a reverse
// proxy the operator can still keep /metrics off the public side. Without the token the answer is
// that of an unknown path, so the public learns nothing, not even that it exists.

const digest = (s: string) => createHash('sha256').update(s).digest();

export function metricsRoutes(deps: ServiceDeps) {
  const app = new Hono({ strict: false });
  const expected = digest(deps.metricsToken);
  app.get('/metrics', async (c) => {
    const token = bearer(c);
    if (!token || !timingSafeEqual(digest(token), expected))
      return fail(c, 404, 'not-found', MESSAGES.notFound);
    const [snapshot, open, tables] = await Promise.all([
      deps.metricsSnapshot(),
      deps.store.openComplaintsByAgency(),
      deps.store.tableRows(),
    ]);
    const gauges: Gauge[] = [
      {
        name: 'kbf_open_complaints',
        help: "Open complaints in each desk's queue (not in triage, not spam).",
        label: 'agency',
        values: open.map((r) => [r.agencyId, r.count]),
      },
      {
        name: 'kbf_table_rows',
        help: 'Rows in tables that grow with use (PostgreSQL: the statistics estimate).',
        label: 'table',
        values: tables.map((r) => [r.table, r.rows]),
      },
    ];
    c.header('Cache-Control', 'no-store');
    return c.body(renderMetrics(snapshot, gauges), 200, {
      'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
    });
  });
  return app;
}
