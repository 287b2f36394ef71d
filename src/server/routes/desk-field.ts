import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import {
  EnforcementInputSchema,
  FIELD_API,
  MEDIA_MAX_BYTES,
  VerifyInputSchema,
  VisitInputSchema,
} from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { countyQueue } from '../field/county-queue.ts';
import { enforcementState, recordEnforcement } from '../field/enforcement.ts';
import type { Outcome } from '../field/outcome.ts';
import { verifyOnSite, verifyTarget } from '../field/verify.ts';
import { recordVisit } from '../field/visits.ts';
import { decodeBody, limitBody, validationErrors } from '../http/body.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { rejectBadGln } from '../http/gln-param.ts';
import { audit } from '../staff/audit.ts';
import { type DeskEnv, requireStaff } from '../staff/require-staff.ts';

// The desk's field routes: enforcement stages against a complaint's shop, the county chamber's
// queue, visits to missing-plate reports and on-site verification. Who may do what is decided in
// src/server/field/ (and src/api/field.ts); here each answer is worded and each action audited.

const JSON_BODY = 16 * 1024;
/** A photo at the media limit, base64, and the fields around it. */
const VISIT_BODY = Math.ceil((MEDIA_MAX_BYTES * 4) / 3) + 16 * 1024;

function answer<T>(c: Context, out: Outcome<T>, status: 200 | 201 = 200) {
  if (out.ok) return c.json(out.value as object, status);
  return fail(c, out.status, out.code, out.key, undefined, out.params);
}

async function parsed<S extends z.ZodType>(c: Context, schema: S) {
  const body = await decodeBody(c);
  if (!body.ok) return { response: body.response };
  const input = schema.safeParse(body.value);
  if (!input.success) return { response: c.json(validationErrors(input.error, c), 400) };
  return { input: input.data as z.infer<S> };
}

export function deskFieldRoutes(deps: ServiceDeps) {
  const app = new Hono<DeskEnv>({ strict: false });
  const deciders = requireStaff(deps, { roles: ['clerk', 'manager', 'inspector'] });
  const inspectors = requireStaff(deps, { roles: ['inspector'] });
  const agents = requireStaff(deps, { roles: ['field_agent'] });

  app.get(`${FIELD_API.enforcement}/:id`, deciders, async (c) =>
    answer(c, await enforcementState(deps, c.var.staff, c.req.param('id'))),
  );

  app.post(FIELD_API.enforcement, limitBody(JSON_BODY), deciders, async (c) => {
    const body = await parsed(c, EnforcementInputSchema);
    if (body.response) return body.response;
    const out = await recordEnforcement(deps, c.var.staff, body.input);
    if (out.ok)
      await audit(deps.store, c.var.staff, 'enforcement', out.value.gln, {
        stage: body.input.stage,
        complaint: body.input.service_request_id,
      });
    return answer(c, out, 201);
  });

  app.get(FIELD_API.county, inspectors, async (c) => {
    const near = c.req.query('near');
    const m = near ? /^(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)$/.exec(near) : null;
    if (near && !m) return fail(c, 400, 'bad-query', MESSAGES.badNear);
    const at = m ? { lat: Number(m[1]), lng: Number(m[2]) } : undefined;
    return answer(c, await countyQueue(deps, c.var.staff, at));
  });

  // A visit carries its photo in the same request: the inspector is standing there.
  app.post(FIELD_API.visits, limitBody(VISIT_BODY, MESSAGES.tooLargeMedia), inspectors, async (c) => {
    const body = await parsed(c, VisitInputSchema);
    if (body.response) return body.response;
    const { service_request_id: id, outcome, photo } = body.input;
    const out = await recordVisit(
      deps,
      c.var.staff,
      id,
      outcome,
      new Uint8Array(Buffer.from(photo, 'base64')),
    );
    if (out.ok) await audit(deps.store, c.var.staff, 'visit', id, { outcome });
    return answer(c, out, 201);
  });

  app.get(`${FIELD_API.verify(':gln')}`, agents, async (c) => {
    const gln = c.req.param('gln') ?? '';
    const bad = rejectBadGln(c, gln);
    if (bad) return bad;
    return answer(c, await verifyTarget(deps, c.var.staff, gln));
  });

  app.post(`${FIELD_API.verify(':gln')}`, limitBody(JSON_BODY), agents, async (c) => {
    const gln = c.req.param('gln') ?? '';
    const bad = rejectBadGln(c, gln);
    if (bad) return bad;
    const body = await parsed(c, VerifyInputSchema);
    if (body.response) return body.response;
    const out = await verifyOnSite(deps, c.var.staff, gln, body.input);
    // A refused fix is audited too: repeated refusals at one shop are worth a manager's look.
    await audit(deps.store, c.var.staff, out.ok ? 'verification' : 'verification-refused', gln, {
      accuracy: Math.round(body.input.accuracy),
      ...(out.ok ? { distance: out.value.distance } : { reason: out.key }),
    });
    return answer(c, out, 201);
  });

  return app;
}
