import { Hono } from 'hono';
import {
  refusalKey,
  type ServiceRequestUpdateCreated,
  ServiceRequestUpdateInputSchema,
} from '../../api/index.ts';
import { callerFor } from '../complaints/auth.ts';
import { CATEGORY_BY_CODE } from '../complaints/categories.ts';
import { toServiceRequest } from '../complaints/view.ts';
import type { ServiceDeps } from '../deps.ts';
import { decodeBody, limitBody, validationErrors } from '../http/body.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { type Answer, idempotent } from '../http/idempotency.ts';
import { langOf, tOf } from '../i18n.ts';
import { applyUpdate, type UpdateAction } from '../lifecycle/apply-update.ts';
import { JSON_BODY_LIMIT } from './open311.ts';

// Updates to a complaint: the reporter follows up, objects or withdraws; the union replies and
// decides. The rules themselves live in lifecycle/; this is the HTTP shell around them.

export function updateRoutes(deps: ServiceDeps) {
  const app = new Hono({ strict: false });
  const { store } = deps;

  app.post('/open311/v2/servicerequestupdates.json', limitBody(JSON_BODY_LIMIT), async (c) => {
    const decoded = await decodeBody(c);
    if (!decoded.ok) return decoded.response;
    const parsed = ServiceRequestUpdateInputSchema.safeParse(decoded.value);
    if (!parsed.success) return c.json(validationErrors(parsed.error, c), 400);
    const input = parsed.data;
    const req = store.request(input.service_request_id);
    if (!req) return fail(c, 404, 'not-found', MESSAGES.requestNotFound);
    const caller = callerFor(c, store, req);
    if (caller.kind === 'none') return fail(c, 401, 'unauthorized', MESSAGES.unauthorized);
    if (caller.kind === 'other') return fail(c, 403, 'forbidden', MESSAGES.forbidden);

    const text = input.description?.trim() ?? '';
    const refuse = (
      status: 400 | 403,
      code: 'forbidden' | 'validation',
      reason: Parameters<typeof refusalKey>[0],
    ) => fail(c, status, code, refusalKey(reason));
    let action: UpdateAction;
    if (caller.kind === 'reporter') {
      if (input.action === 'reply' || input.substatus || input.enforcement_stage)
        return refuse(403, 'forbidden', 'reporter-no-decision');
      if (input.action !== 'withdraw' && !text) return refuse(400, 'validation', 'reporter-text-needed');
      action = { actor: 'reporter', kind: input.action, text };
    } else {
      if (input.action !== 'reply') return refuse(403, 'forbidden', 'union-no-reporter-action');
      if (!text && !input.substatus && !input.enforcement_stage)
        return refuse(400, 'validation', 'union-reply-empty');
      action = {
        actor: caller.agency.kind === 'chamber' ? 'chamber' : 'union',
        kind: 'reply',
        text,
        substatus: input.substatus,
        enforcementStage: input.enforcement_stage,
      };
    }

    const now = deps.now();
    const t = tOf(c);
    return idempotent(c, store, `update:${req.id}`, input, now, (): Answer => {
      const current = store.request(req.id)!;
      const agency = store.agency(current.agencyId);
      const outcome = applyUpdate(
        {
          substatus: current.substatus,
          escalated: current.escalated,
          enforcementStage: current.enforcementStage,
          expectedAt: current.expectedAt,
          enforceable: CATEGORY_BY_CODE.get(current.serviceCode)?.enforcement ?? false,
          external: agency?.kind === 'external',
        },
        action,
        now.toISOString(),
      );
      if (!outcome.ok) {
        const { code, reason, params } = outcome.refusal;
        return { status: 409, body: [{ code, description: t(refusalKey(reason), params ?? {}) }] };
      }
      const at = now.toISOString();
      const s = outcome.state;
      store.updateRequest(
        req.id,
        {
          substatus: s.substatus,
          escalated: s.escalated,
          enforcementStage: s.enforcementStage,
          expectedAt: s.expectedAt,
          updatedAt: at,
        },
        outcome.notes,
      );
      const body: ServiceRequestUpdateCreated = {
        service_request_update_id: `${req.id}-${store.notes(req.id).length}`,
        service_request_id: req.id,
        updated_datetime: at,
        request: toServiceRequest(store.request(req.id)!, store, agency, langOf(c)),
      };
      return { status: 201, body: [body] };
    });
  });

  return app;
}
