import { type Context, Hono } from 'hono';
import {
  type FmsUpdateInput,
  FmsUpdateInputSchema,
  noteMessage,
  type RequestUpdate,
  refusalKey,
  type ServiceRequestUpdateCreated,
  type ServiceRequestUpdateInput,
  ServiceRequestUpdateInputSchema,
} from '../../api/index.ts';
import { bearer, type Caller, callerForToken } from '../complaints/auth.ts';
import { PUBLIC_UPDATE_TYPES, toServiceRequest } from '../complaints/view.ts';
import type { ServiceDeps } from '../deps.ts';
import { decodeBody, limitBody, validationErrors } from '../http/body.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { type Answer, idempotent } from '../http/idempotency.ts';
import { langOf, tOf } from '../i18n.ts';
import type { UpdateAction } from '../lifecycle/apply-update.ts';
import { commitUpdate } from '../lifecycle/commit-update.ts';
import { FMS_STATUS_OF, SUBSTATUS_OF_FMS } from '../open311/fms-status.ts';
import { formatPaths, XML, xmlShape } from '../open311/format.ts';
import { dateWindow } from '../open311/window.ts';
import type { StoredRequest } from '../store/types.ts';
import { stripBidi } from '../text/bidi.ts';
import { JSON_BODY_LIMIT, LIST_CAP } from './open311.ts';

// Updates to a complaint: the reporter follows up, objects or withdraws; the union replies and
// decides. The rules themselves live in lifecycle/; this is the HTTP shell around them. Two
// shapes arrive at the same address: the app's own (it names an `action`) and FixMyStreet's
// Open311 extension (a `status`, an `update_id`, the credential as `api_key`), answered as
// `<service_request_updates><request_update><update_id>`.

type Who = { ok: true; req: StoredRequest; caller: Extract<Caller, { kind: 'reporter' | 'agency' }> };

export function updateRoutes(deps: ServiceDeps) {
  const app = new Hono({ strict: false });
  const { store } = deps;

  /**
   * Who may update this complaint. Without a credential: 401, before the id is even looked at.
   * With one that opens nothing, or an unknown id: the same 404, so ids and tokens cannot be probed.
   */
  async function authorise(
    c: Context,
    id: string,
    token: string | undefined,
  ): Promise<Who | { ok: false; response: Response }> {
    if (!token) return { ok: false, response: fail(c, 401, 'unauthorized', MESSAGES.unauthorized) };
    const req = await store.request(id);
    const caller = req ? await callerForToken(token, store, req) : undefined;
    if (!req || !caller || (caller.kind !== 'reporter' && caller.kind !== 'agency'))
      return { ok: false, response: fail(c, 404, 'not-found', MESSAGES.requestNotFound) };
    return { ok: true, req, caller };
  }

  app.on('POST', formatPaths('/open311/v2/servicerequestupdates'), limitBody(JSON_BODY_LIMIT), async (c) => {
    xmlShape(c, XML.updates);
    const decoded = await decodeBody(c);
    if (!decoded.ok) return decoded.response;
    if (!('action' in decoded.value)) return fmsUpdate(c, decoded.value);
    const parsed = ServiceRequestUpdateInputSchema.safeParse(decoded.value);
    if (!parsed.success) return c.json(validationErrors(parsed.error, c), 400);
    const input = parsed.data;
    const who = await authorise(c, input.service_request_id, bearer(c));
    if (!who.ok) return who.response;
    const { req, caller } = who;
    const action = appAction(c, caller, input);
    if (action instanceof Response) return action;
    return commit(c, req, action, input, async (at) => {
      const body: ServiceRequestUpdateCreated = {
        service_request_update_id: `${req.id}-${(await store.notes(req.id)).length}`,
        service_request_id: req.id,
        updated_datetime: at,
        request: await toServiceRequest(
          (await store.request(req.id))!,
          store,
          await store.agency(req.agencyId),
          deps.publicOrigin(),
          langOf(c),
        ),
      };
      return body;
    });
  });

  /** FixMyStreet's POST Service Request Update. */
  async function fmsUpdate(c: Context, value: Record<string, unknown>) {
    const parsed = FmsUpdateInputSchema.safeParse(value);
    if (!parsed.success) return c.json(validationErrors(parsed.error, c), 400);
    const input = parsed.data;
    const who = await authorise(c, input.service_request_id, bearer(c) ?? input.api_key);
    if (!who.ok) return who.response;
    const { req, caller } = who;
    const action = fmsAction(c, caller, input);
    if (action instanceof Response) return action;
    // The names and email FixMyStreet sends describe its user, whom the union already reaches
    // through the complaint; they are not stored. The credential is not part of the request's
    // identity, so it is left out of the idempotency hash.
    const { api_key: _key, ...identity } = input;
    // update_id is the client's id: scoped to who sends it, so the reporter's client and the
    // union's can never collide on one.
    return commit(c, req, action, identity, (_at, added) => ({ update_id: String(added) }), {
      key: input.update_id,
      scope: `fms:${caller.kind}`,
    });
  }

  /** Applies one update under the idempotency key and answers what `answer` makes of it. */
  function commit(
    c: Context,
    req: StoredRequest,
    action: UpdateAction,
    input: unknown,
    /** `added`: the id of the update's first timeline entry, which the update feed shows it as. */
    answer: (at: string, added: number) => unknown | Promise<unknown>,
    fromBody?: { key: string | undefined; scope: string },
  ) {
    const now = deps.now();
    const t = tOf(c);
    return idempotent(
      c,
      store,
      fromBody ? `update:${req.id}:${fromBody.scope}` : `update:${req.id}`,
      input,
      now,
      async (): Promise<Answer> => {
        const outcome = await commitUpdate(store, req.id, action, now);
        if (!outcome.ok) {
          const { code, reason, params } = outcome.refusal;
          return { status: 409, body: [{ code, description: t(refusalKey(reason), params ?? {}) }] };
        }
        const at = outcome.at;
        // One update writes its entries in one transaction, so their ids run on from the first.
        const added = ((await store.lastUpdateId(req.id)) ?? 0) - (outcome.notes.length - 1);
        return { status: 201, body: [await answer(at, added)] };
      },
      fromBody?.key,
    );
  }

  // FixMyStreet's GET Service Request Updates: the union's answers and changes of state in a date
  // window, so a client can pull them. Public ("Requires API Key: No"): the reporter's own notes
  // never appear, only what the public view of each complaint shows too.
  app.on('GET', formatPaths('/open311/v2/servicerequestupdates'), async (c) => {
    xmlShape(c, XML.updates);
    const window = dateWindow(c.req.query('start_date'), c.req.query('end_date'), deps.now());
    if (!window.ok) return fail(c, 400, 'bad-query', MESSAGES.badDateRange);
    const states = new Map<string, StoredRequest['substatus']>();
    const stateOf = async (id: string) => {
      if (!states.has(id)) states.set(id, (await store.request(id))?.substatus ?? 'received');
      return states.get(id)!;
    };
    // One update may write several entries (a reply and the change of state it made) at one
    // instant; the feed shows it once, as its first entry, with the state it left.
    const t = tOf(c);
    const wording = (n: Parameters<typeof noteMessage>[0]) => {
      if (n.text) return stripBidi(n.text);
      const m = noteMessage(n);
      return m ? t(m.key, m.params) : '';
    };
    const byUpdate = new Map<string, RequestUpdate>();
    for (const n of await store.updatesBetween(window.start, window.end, PUBLIC_UPDATE_TYPES, LIST_CAP)) {
      const key = `${n.requestId}|${n.datetime}`;
      const seen = byUpdate.get(key);
      if (seen) {
        if (n.substatus) seen.status = FMS_STATUS_OF[n.substatus];
        // A reply with no words of its own reads as the change of state it made.
        if (!seen.description) seen.description = wording(n);
        continue;
      }
      byUpdate.set(key, {
        update_id: String(n.id),
        service_request_id: n.requestId,
        status: FMS_STATUS_OF[n.substatus ?? (await stateOf(n.requestId))],
        updated_datetime: n.datetime,
        description: wording(n),
      });
    }
    const body = [...byUpdate.values()];
    c.header('Cache-Control', 'no-cache');
    return c.json(body);
  });

  return app;
}

/** The app's own shape: the reporter follows up, objects or withdraws; the union replies. */
function appAction(
  c: Context,
  caller: Who['caller'],
  input: ServiceRequestUpdateInput,
): UpdateAction | Response {
  const text = stripBidi(input.description?.trim() ?? '');
  // A note the service writes carries no sentence: an empty text is worded from its type and state.
  if (caller.kind === 'reporter') {
    if (input.action === 'reply' || input.substatus || input.enforcement_stage)
      return fail(c, 403, 'forbidden', refusalKey('reporter-no-decision'));
    if (input.action !== 'withdraw' && !text)
      return fail(c, 400, 'validation', refusalKey('reporter-text-needed'));
    return { actor: 'reporter', kind: input.action, text };
  }
  if (input.action !== 'reply') return fail(c, 403, 'forbidden', refusalKey('union-no-reporter-action'));
  if (!text && !input.substatus && !input.enforcement_stage)
    return fail(c, 400, 'validation', refusalKey('union-reply-empty'));
  return {
    actor: actorOf(caller),
    kind: 'reply',
    text,
    substatus: input.substatus,
    enforcementStage: input.enforcement_stage,
  };
}

/**
 * FixMyStreet's shape: from the reporter, CLOSED withdraws and anything else is a follow-up (its
 * text required); from the union, the status names the new state (OPEN keeps it) and the text is
 * the reply.
 */
function fmsAction(c: Context, caller: Who['caller'], input: FmsUpdateInput): UpdateAction | Response {
  const text = stripBidi(input.description?.trim() ?? '');
  if (caller.kind === 'reporter') {
    if (input.status === 'CLOSED') return { actor: 'reporter', kind: 'withdraw', text };
    if (!text) return fail(c, 400, 'validation', MESSAGES.fmsDescriptionNeeded);
    return { actor: 'reporter', kind: 'follow_up', text };
  }
  const to = SUBSTATUS_OF_FMS[input.status];
  if (!to) return fail(c, 400, 'validation', MESSAGES.fmsClosedNeedsOutcome);
  const substatus = to === 'unchanged' ? undefined : to;
  if (!text && !substatus) return fail(c, 400, 'validation', refusalKey('union-reply-empty'));
  return { actor: actorOf(caller), kind: 'reply', text, substatus };
}

/** A union answers as the union; a chamber's inspectors as the chamber (the lifecycle tells them apart). */
function actorOf(caller: Extract<Who['caller'], { kind: 'agency' }>): 'union' | 'chamber' {
  return caller.agency.kind === 'chamber' ? 'chamber' : 'union';
}
