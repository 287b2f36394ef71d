import { Hono } from 'hono';
import { ServiceRequestInputSchema } from '../../api/index.ts';
import { callerFor } from '../complaints/auth.ts';
import { CATEGORIES, CATEGORY_BY_CODE, toDefinition, toService } from '../complaints/categories.ts';
import { fileComplaint } from '../complaints/intake.ts';
import { toServiceRequest } from '../complaints/view.ts';
import type { ServiceDeps } from '../deps.ts';
import { decodeBody, limitBody, validationErrors } from '../http/body.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { idempotent } from '../http/idempotency.ts';

// Open311 GeoReport v2: categories, their evidence fields, filing and reading complaints.

export const JSON_BODY_LIMIT = 64 * 1024;

export function open311Routes(deps: ServiceDeps) {
  const app = new Hono({ strict: false });
  const { store } = deps;

  app.get('/open311/v2/services.json', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(CATEGORIES.map(toService));
  });

  app.get('/open311/v2/services/:file', async (c) => {
    const code = c.req.param('file').replace(/\.json$/, '');
    const category = CATEGORY_BY_CODE.get(code);
    if (!category) return fail(c, 404, 'unknown-service', MESSAGES.unknownService);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(toDefinition(category, await store.guilds()));
  });

  app.post('/open311/v2/requests.json', limitBody(JSON_BODY_LIMIT), async (c) => {
    const decoded = await decodeBody(c);
    if (!decoded.ok) return decoded.response;
    const parsed = ServiceRequestInputSchema.safeParse(decoded.value);
    if (!parsed.success) return c.json(validationErrors(parsed.error), 400);
    const now = deps.now();
    return idempotent(c, store, 'create', parsed.data, now, () =>
      fileComplaint(deps, parsed.data, now, new URL(c.req.url).origin),
    );
  });

  app.get('/open311/v2/requests/:file', async (c) => {
    const id = c.req.param('file').replace(/\.json$/, '');
    if (!/^[0-9A-Z]{4,20}$/.test(id)) return fail(c, 404, 'not-found', MESSAGES.requestNotFound);
    const req = await store.request(id);
    if (!req) return fail(c, 404, 'not-found', MESSAGES.requestNotFound);
    const caller = await callerFor(c, store, req);
    if (caller.kind === 'none') return fail(c, 401, 'unauthorized', MESSAGES.unauthorized);
    if (caller.kind === 'other') return fail(c, 403, 'forbidden', MESSAGES.forbidden);
    c.header('Cache-Control', 'private, no-store');
    return c.json([await toServiceRequest(req, store, await store.agency(req.agencyId))]);
  });

  return app;
}
