import { Hono } from 'hono';
import { type ServiceRequestUpdateCreated, ServiceRequestUpdateInputSchema } from '../../api/index.ts';
import { callerFor } from '../complaints/auth.ts';
import { CATEGORY_BY_CODE } from '../complaints/categories.ts';
import { toServiceRequest } from '../complaints/view.ts';
import type { ServiceDeps } from '../deps.ts';
import { decodeBody, limitBody, validationErrors } from '../http/body.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { type Answer, idempotent } from '../http/idempotency.ts';
import { applyUpdate, type UpdateAction } from '../lifecycle/apply-update.ts';
import { SUBSTATUS_LABEL } from '../lifecycle/transitions.ts';
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
    if (!parsed.success) return c.json(validationErrors(parsed.error), 400);
    const input = parsed.data;
    const req = await store.request(input.service_request_id);
    if (!req) return fail(c, 404, 'not-found', MESSAGES.requestNotFound);
    const caller = await callerFor(c, store, req);
    if (caller.kind === 'none') return fail(c, 401, 'unauthorized', MESSAGES.unauthorized);
    if (caller.kind === 'other') return fail(c, 403, 'forbidden', MESSAGES.forbidden);

    const text = input.description?.trim() ?? '';
    let action: UpdateAction;
    if (caller.kind === 'reporter') {
      if (input.action === 'reply')
        return fail(c, 403, 'forbidden', 'پاسخ و تغییر وضعیت فقط با دسترسی اتحادیه ممکن است.');
      if (input.substatus || input.enforcement_stage)
        return fail(c, 403, 'forbidden', 'تغییر وضعیت فقط با دسترسی اتحادیه ممکن است.');
      if (input.action !== 'withdraw' && !text)
        return fail(c, 400, 'validation', 'متن پیگیری یا اعتراض را بنویسید.');
      action = { actor: 'reporter', kind: input.action, text: text || 'شاکی شکایت را پس گرفت.' };
    } else {
      if (input.action !== 'reply') return fail(c, 403, 'forbidden', 'این اقدام فقط برای شاکی است.');
      if (!text && !input.substatus && !input.enforcement_stage)
        return fail(c, 400, 'validation', 'متن پاسخ یا وضعیت تازه لازم است.');
      action = {
        actor: 'union',
        kind: 'reply',
        text: text || SUBSTATUS_LABEL[input.substatus ?? req.substatus],
        substatus: input.substatus,
        enforcementStage: input.enforcement_stage,
      };
    }

    const now = deps.now();
    return idempotent(c, store, `update:${req.id}`, input, now, async (): Promise<Answer> => {
      const current = (await store.request(req.id))!;
      const agency = await store.agency(current.agencyId);
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
      if (!outcome.ok) return { status: 409, body: [outcome.refusal] };
      const at = now.toISOString();
      const s = outcome.state;
      await store.updateRequest(
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
        service_request_update_id: `${req.id}-${(await store.notes(req.id)).length}`,
        service_request_id: req.id,
        updated_datetime: at,
        request: await toServiceRequest((await store.request(req.id))!, store, agency),
      };
      return { status: 201, body: [body] };
    });
  });

  return app;
}
