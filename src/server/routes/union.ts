import { Hono } from 'hono';
import { z } from 'zod';
import type { UnionQueue } from '../../api/index.ts';
import { agencyFor } from '../complaints/auth.ts';
import { toQueueItem } from '../complaints/view.ts';
import type { ServiceDeps } from '../deps.ts';
import { decodeCursor, encodeCursor } from '../desk/queue-cursor.ts';
import { decodeBody, limitBody, validationErrors } from '../http/body.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import type { QueueQuery } from '../store/types.ts';

// A union's (or a chamber's) own queue. Its credential sees its complaints and nothing else.
// The queue pages by cursor in the order a clerk works it: escalated first, then the nearest
// deadline. Complaints set aside for triage (abuse/complaint-gate.ts) are listed apart
// (`view=triage`), grouped, so a flood never pushes a real complaint off the page; the clerk
// marks a group's complaints genuine (into the queue) or spam (out of every count, and the
// install that sent them is struck: its next complaints go straight to triage).

const PAGE = 50;
const MAX_PAGE = 200;

const TriageSchema = z.object({ decision: z.enum(['spam', 'genuine']) });

export function unionRoutes(deps: ServiceDeps) {
  const app = new Hono({ strict: false });
  app.get('/open311/v2/union/requests.json', async (c) => {
    const agency = await agencyFor(c, deps.store);
    if (!agency) return fail(c, 401, 'unauthorized', MESSAGES.unionTokenNeeded);
    const status = c.req.query('status');
    const view = c.req.query('view') ?? 'queue';
    const limit = Number(c.req.query('limit') ?? PAGE);
    const cursor = c.req.query('cursor');
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    if (
      (status !== undefined && status !== 'open' && status !== 'closed') ||
      (view !== 'queue' && view !== 'triage' && view !== 'spam') ||
      !Number.isInteger(limit) ||
      limit < 1 ||
      limit > MAX_PAGE ||
      (cursor !== undefined && !after)
    )
      return fail(c, 400, 'bad-query', MESSAGES.badQuery);
    const query: QueueQuery = { view, limit, ...(status ? { status } : {}), ...(after ? { after } : {}) };
    const page = await deps.store.queuePage(agency.id, query);
    const now = deps.now();
    const body: UnionQueue = {
      union: { id: agency.id, name: agency.name },
      items: await Promise.all(page.items.map((r) => toQueueItem(r, deps.store, now))),
      ...(page.next ? { next_cursor: encodeCursor(page.next) } : {}),
      triage_count: await deps.store.triageCount(agency.id),
    };
    c.header('Cache-Control', 'private, no-store');
    return c.json(body);
  });

  app.post('/open311/v2/union/requests/:id/triage.json', limitBody(1024), async (c) => {
    const agency = await agencyFor(c, deps.store);
    if (!agency) return fail(c, 401, 'unauthorized', MESSAGES.unionTokenNeeded);
    const decoded = await decodeBody(c);
    if (!decoded.ok) return decoded.response;
    const parsed = TriageSchema.safeParse(decoded.value);
    if (!parsed.success) return c.json(validationErrors(parsed.error, c), 400);
    const { decision } = parsed.data;
    // Read inside the transaction: two clerks (or two instances) marking it spam at once strike
    // its install once.
    const found = await deps.store.transaction(async () => {
      const req = await deps.store.request(c.req.param('id'));
      if (!req || req.agencyId !== agency.id) return undefined;
      await deps.store.setTriage(req.id, decision);
      // Only the first spam verdict on a complaint strikes its install.
      if (decision === 'spam' && !req.spam && req.deviceHash)
        await deps.store.addStrike(`install:${req.deviceHash}`, deps.now().toISOString());
      return req;
    });
    if (!found) return fail(c, 404, 'not-found', MESSAGES.requestNotFound);
    return c.json({ service_request_id: found.id, decision });
  });
  return app;
}
