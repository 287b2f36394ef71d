import { Hono } from 'hono';
import { ServiceRequestInputSchema } from '../../api/index.ts';
import { requireInstall } from '../abuse/caller.ts';
import { bearer, callerFor } from '../complaints/auth.ts';
import { CATEGORIES, CATEGORY_BY_CODE, toDefinition, toService } from '../complaints/categories.ts';
import { fileComplaint } from '../complaints/intake.ts';
import { toServiceRequest } from '../complaints/view.ts';
import type { ServiceDeps } from '../deps.ts';
import { decodeBody, limitBody, validationErrors } from '../http/body.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { idempotent } from '../http/idempotency.ts';

// Open311 GeoReport v2: categories, their evidence fields, filing and reading complaints.

export const JSON_BODY_LIMIT = 64 * 1024;

/**
 * `lat`/`long`, when sent, must both be real numbers: the schema's coercion would read `null`
 * or "" as 0 and file the report at (0,0), in the Gulf of Guinea.
 */
function coordinatesWellFormed(body: Record<string, unknown>): boolean {
  const has = (k: string) => k in body && body[k] !== undefined;
  if (!has('lat') && !has('long')) return true;
  const ok = (v: unknown) =>
    (typeof v === 'number' && Number.isFinite(v)) ||
    (typeof v === 'string' && /^-?\d+(?:\.\d+)?$/.test(v.trim()));
  return has('lat') && has('long') && ok(body.lat) && ok(body.long);
}

export function open311Routes(deps: ServiceDeps) {
  const app = new Hono({ strict: false });
  const { store } = deps;

  app.get('/open311/v2/services.json', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(CATEGORIES.map(toService));
  });

  app.get('/open311/v2/services/:file', (c) => {
    const code = c.req.param('file').replace(/\.json$/, '');
    const category = CATEGORY_BY_CODE.get(code);
    if (!category) return fail(c, 404, 'unknown-service', MESSAGES.unknownService);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(toDefinition(category, store.guilds()));
  });

  app.post('/open311/v2/requests.json', limitBody(JSON_BODY_LIMIT), async (c) => {
    const writer = requireInstall(c, deps);
    if (writer instanceof Response) return writer;
    const decoded = await decodeBody(c);
    if (!decoded.ok) return decoded.response;
    if (!coordinatesWellFormed(decoded.value)) return fail(c, 400, 'validation', MESSAGES.badCoordinates);
    const parsed = ServiceRequestInputSchema.safeParse(decoded.value);
    if (!parsed.success) return c.json(validationErrors(parsed.error), 400);
    const now = deps.now();
    return idempotent(c, store, 'create', parsed.data, now, () =>
      fileComplaint(deps, parsed.data, now, writer),
    );
  });

  app.get('/open311/v2/requests/:file', (c) => {
    const id = c.req.param('file').replace(/\.json$/, '');
    // Uniform answers: without a token 401 whether or not the id exists, and with a token that
    // does not open it the same 404 as for an unknown id, so probing ids at speed learns nothing.
    if (!bearer(c)) return fail(c, 401, 'unauthorized', MESSAGES.unauthorized);
    const req = /^[0-9A-Z]{4,20}$/.test(id) ? store.request(id) : undefined;
    const caller = req ? callerFor(c, store, req) : undefined;
    if (!req || !caller || caller.kind === 'none' || caller.kind === 'other')
      return fail(c, 404, 'not-found', MESSAGES.requestNotFound);
    c.header('Cache-Control', 'private, no-store');
    return c.json([toServiceRequest(req, store, store.agency(req.agencyId))]);
  });

  return app;
}
