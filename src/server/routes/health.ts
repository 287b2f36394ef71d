import { Hono } from 'hono';
import type { ServiceDeps } from '../deps.ts';

// For the load balancer and the orchestrator. /healthz: the process answers (restart it if not).
// /readyz: it can serve, meaning its database answers and holds a registry (send it traffic only
// then). Neither says more than that to the public.

export function healthRoutes(deps: ServiceDeps) {
  const app = new Hono({ strict: false });
  app.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' });
  });
  app.get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store');
    const ready = await deps.store.isSeeded().catch(() => false);
    return ready ? c.json({ status: 'ready' }) : c.json({ status: 'unavailable' }, 503);
  });
  return app;
}
