import { Hono } from 'hono';
import type { UnionQueue } from '../../api/index.ts';
import { agencyFor } from '../complaints/auth.ts';
import { toQueueItem } from '../complaints/view.ts';
import type { ServiceDeps } from '../deps.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { isOpen } from '../lifecycle/transitions.ts';

// A union's (or a chamber's) own queue. Its credential sees its complaints and nothing else.

export function unionRoutes(deps: ServiceDeps) {
  const app = new Hono({ strict: false });
  app.get('/open311/v2/union/requests.json', async (c) => {
    const agency = await agencyFor(c, deps.store);
    if (!agency) return fail(c, 401, 'unauthorized', 'برای دیدن صف شکایت‌ها رمز اتحادیه لازم است.');
    const only = c.req.query('status');
    if (only !== undefined && only !== 'open' && only !== 'closed')
      return fail(c, 400, 'bad-query', MESSAGES.badQuery);
    const now = deps.now();
    const items = await Promise.all(
      (await deps.store.queue(agency.id))
        .filter((r) => !only || (only === 'open') === isOpen(r.substatus))
        .map((r) => toQueueItem(r, deps.store, now)),
    );
    const body: UnionQueue = { union: { id: agency.id, name: agency.name }, items };
    c.header('Cache-Control', 'private, no-store');
    return c.json(body);
  });
  return app;
}
