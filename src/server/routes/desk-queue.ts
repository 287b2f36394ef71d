import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  DESK_QUEUE_API as API,
  DESK_API,
  DeskAskSchema,
  DeskAssignSchema,
  DeskCloseSchema,
  type DeskCounts,
  DeskMoveSchema,
  type DeskQueueFilter,
  DeskQueueFilterSchema,
  type DeskQueuePage,
  DeskReplySchema,
  DeskTriageSchema,
  type ReplyTemplate,
  type ReplyTemplateInput,
  ReplyTemplateInputSchema,
  type Staff,
  SUBSTATUSES,
  type Substatus,
} from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { actOnCase } from '../desk/act-on-case.ts';
import { dashboardOf } from '../desk/dashboard.ts';
import { queueCsv } from '../desk/queue-csv.ts';
import { decodeCursor, encodeCursor } from '../desk/queue-cursor.ts';
import { deskFilterOf } from '../desk/queue-filter.ts';
import { toDeskComplaint, toDeskItem } from '../desk/view.ts';
import { decodeInput, limitBody } from '../http/body.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { tOf } from '../i18n.ts';
import type { UpdateAction } from '../lifecycle/apply-update.ts';
import { audit } from '../staff/audit.ts';
import { type DeskEnv, requireStaff } from '../staff/require-staff.ts';
import { clerksOf } from '../staff/union-staff.ts';
import type { DeskRow, StoredTemplate } from '../store/desk-types.ts';

// The union clerk's and manager's desk: their union's queue (filtered, searched, paged by cursor
// in deadline order, escalated first), the triage set apart, a complaint's detail, claiming and
// assigning it, replying (from the manager's templates), asking the reporter, moving it along the
// lifecycle and closing it with an outcome; the dashboard and a CSV of the queue. A complaint of
// another union answers exactly as one that does not exist. Every action is audited.

/** Route patterns (the client builds the same paths with DESK_QUEUE_API). */
const ONE = `${DESK_API}/complaints/:id`;

const PAGE = 50;
const MAX_PAGE = 200;
const BODY_LIMIT = 16 * 1024;

const WORKERS = { roles: ['clerk', 'manager'] as Staff['role'][] };
const MANAGERS = { roles: ['manager'] as Staff['role'][] };

type C = Context<DeskEnv>;

export function deskQueueRoutes(deps: ServiceDeps) {
  const app = new Hono<DeskEnv>({ strict: false });
  const { store } = deps;
  const union = (c: C) => c.var.staff.agency_id ?? '';
  const workers = requireStaff(deps, WORKERS);
  const managers = requireStaff(deps, MANAGERS);

  function filterOf(c: C): DeskQueueFilter | undefined {
    const parsed = DeskQueueFilterSchema.safeParse(c.req.query());
    return parsed.success ? parsed.data : undefined;
  }

  /** The complaint, when it is this union's; otherwise nothing, as for an unknown id. */
  async function own(c: C): Promise<DeskRow | undefined> {
    const row = await store.deskRow(c.req.param('id') ?? '');
    return row && row.agencyId === union(c) ? row : undefined;
  }
  const notFound = (c: C) => fail(c, 404, 'not-found', MESSAGES.requestNotFound);

  app.get(API.queue, workers, async (c) => {
    const f = filterOf(c);
    const limit = Number(c.req.query('limit') ?? PAGE);
    const cursor = c.req.query('cursor');
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    if (!f || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE || (cursor !== undefined && !after))
      return fail(c, 400, 'bad-query', MESSAGES.badQuery);
    const now = deps.now();
    const page = await store.deskPage(union(c), deskFilterOf(f, now, c.var.staff.id), after, limit);
    const answer: DeskQueuePage = {
      items: page.items.map((r) => toDeskItem(r, now)),
      ...(page.next ? { next_cursor: encodeCursor(page.next) } : {}),
    };
    c.header('Cache-Control', 'private, no-store');
    return c.json(answer);
  });

  app.get(API.counts, workers, async (c) => {
    const counts = await store.deskCounts(union(c), deps.now().toISOString());
    const places = await store.deskPlaces(union(c));
    const byStatus = Object.fromEntries(SUBSTATUSES.map((s) => [s, 0])) as Record<Substatus, number>;
    for (const { substatus, count } of counts.byStatus) byStatus[substatus] = count;
    const answer: DeskCounts = {
      by_status: byStatus,
      triage: counts.triage,
      spam: counts.spam,
      overdue: counts.overdue,
      guilds: places.guilds,
      counties: places.counties,
    };
    c.header('Cache-Control', 'private, no-store');
    return c.json(answer);
  });

  app.get(API.csv, workers, async (c) => {
    const f = filterOf(c);
    if (!f) return fail(c, 400, 'bad-query', MESSAGES.badQuery);
    const now = deps.now();
    const csv = await queueCsv(store, union(c), deskFilterOf(f, now, c.var.staff.id), now, tOf(c));
    await audit(store, c.var.staff, 'queue.export', union(c), { rows: csv.rows });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="queue-${now.toISOString().slice(0, 10)}.csv"`);
    c.header('Cache-Control', 'private, no-store');
    return c.body(csv.text);
  });

  app.get(ONE, workers, async (c) => {
    const row = await own(c);
    if (!row) return notFound(c);
    c.header('Cache-Control', 'private, no-store');
    return c.json(await toDeskComplaint(row, store, deps.now(), deps.publicOrigin()));
  });

  app.post(`${ONE}/claim`, workers, limitBody(BODY_LIMIT), async (c) => {
    const row = await own(c);
    if (!row) return notFound(c);
    const me = c.var.staff;
    await store.assign(row.id, { id: me.id, name: me.name });
    await audit(store, me, 'complaint.claim', row.id);
    return answerDetail(c, row.id);
  });

  app.post(`${ONE}/assign`, workers, limitBody(BODY_LIMIT), async (c) => {
    const input = await decodeInput(c, DeskAssignSchema);
    if (input instanceof Response) return input;
    const row = await own(c);
    if (!row) return notFound(c);
    const clerk = (await clerksOf(store, union(c))).find((s) => s.id === input.staff_id);
    if (!clerk) return fail(c, 400, 'validation', MESSAGES.deskAssigneeUnknown);
    await store.assign(row.id, { id: clerk.id, name: clerk.name });
    await audit(store, c.var.staff, 'complaint.assign', row.id, { to: clerk.id });
    return answerDetail(c, row.id);
  });

  app.post(`${ONE}/reply`, workers, limitBody(BODY_LIMIT), async (c) => {
    const input = await decodeInput(c, DeskReplySchema);
    if (input instanceof Response) return input;
    if (input.template_id && !(await store.template(union(c), input.template_id)))
      return fail(c, 400, 'validation', MESSAGES.deskTemplateNotFound);
    return act(
      c,
      'complaint.reply',
      {
        actor: 'union',
        kind: 'reply',
        text: input.text,
        ...(input.substatus ? { substatus: input.substatus } : {}),
      },
      input.template_id ? { template: input.template_id } : {},
    );
  });

  app.post(`${ONE}/ask`, workers, limitBody(BODY_LIMIT), async (c) => {
    const input = await decodeInput(c, DeskAskSchema);
    if (input instanceof Response) return input;
    return act(c, 'complaint.ask', { actor: 'union', kind: 'question', text: input.text });
  });

  app.post(`${ONE}/move`, workers, limitBody(BODY_LIMIT), async (c) => {
    const input = await decodeInput(c, DeskMoveSchema);
    if (input instanceof Response) return input;
    return act(
      c,
      'complaint.move',
      { actor: 'union', kind: 'reply', text: input.text ?? '', substatus: input.substatus },
      { to: input.substatus },
    );
  });

  app.post(`${ONE}/close`, workers, limitBody(BODY_LIMIT), async (c) => {
    const input = await decodeInput(c, DeskCloseSchema);
    if (input instanceof Response) return input;
    const outcome = input.outcome as Substatus;
    return act(
      c,
      'complaint.close',
      { actor: 'union', kind: 'reply', text: input.text, substatus: outcome },
      { outcome },
    );
  });

  app.post(`${ONE}/triage`, workers, limitBody(BODY_LIMIT), async (c) => {
    const input = await decodeInput(c, DeskTriageSchema);
    if (input instanceof Response) return input;
    const id = c.req.param('id') ?? '';
    // Read inside the transaction: two clerks marking it spam at once strike its install once.
    const found = await store.transaction(async () => {
      const req = await store.request(id);
      if (!req || req.agencyId !== union(c)) return undefined;
      await store.setTriage(req.id, input.decision);
      if (input.decision === 'spam' && !req.spam && req.deviceHash)
        await store.addStrike(`install:${req.deviceHash}`, deps.now().toISOString());
      return req;
    });
    if (!found) return notFound(c);
    await audit(store, c.var.staff, 'complaint.triage', id, { decision: input.decision });
    return answerDetail(c, id);
  });

  /** One lifecycle step through the same rules as every other update, audited once it holds. */
  async function act(
    c: C,
    action: string,
    update: UpdateAction,
    detail: Record<string, string> = {},
  ): Promise<Response> {
    const id = c.req.param('id') ?? '';
    const mayAct = async () => {
      const row = await store.deskRow(id);
      return !!row && row.agencyId === union(c);
    };
    return (await actOnCase(deps, c, id, mayAct, update, { action, detail })) ?? answerDetail(c, id, 201);
  }

  async function answerDetail(c: C, id: string, status: 200 | 201 = 200) {
    const row = (await store.deskRow(id))!;
    return c.json(await toDeskComplaint(row, store, deps.now(), deps.publicOrigin()), status);
  }

  app.get(API.dashboard, workers, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(dashboardOf(await store.dashboardRows(union(c)), deps.now()));
  });

  app.get(API.clerks, workers, async (c) => c.json(await clerksOf(store, union(c))));

  // Reply templates: every worker of the union reads them; only its manager writes.
  const wire = (t: StoredTemplate): ReplyTemplate => ({
    id: t.id,
    service_code: t.serviceCode,
    title: t.title,
    body: t.body,
    updated_at: t.updatedAt,
  });
  app.get(API.templates, workers, async (c) => {
    const category = c.req.query('category');
    c.header('Cache-Control', 'private, no-store');
    return c.json((await store.templates(union(c), category || undefined)).map(wire));
  });
  /** What a manager writes into a template, and who wrote it when: the same on create and edit. */
  const written = (input: ReplyTemplateInput, staffId: string) => ({
    serviceCode: input.service_code,
    title: input.title,
    body: input.body,
    updatedAt: deps.now().toISOString(),
    updatedBy: staffId,
  });
  app.post(API.templates, managers, limitBody(BODY_LIMIT), async (c) => {
    const input = await decodeInput(c, ReplyTemplateInputSchema);
    if (input instanceof Response) return input;
    const t: StoredTemplate = {
      id: randomBytes(9).toString('base64url'),
      agencyId: union(c),
      ...written(input, c.var.staff.id),
    };
    await store.saveTemplate(t);
    await audit(store, c.var.staff, 'template.create', t.id, { category: t.serviceCode });
    return c.json(wire(t), 201);
  });
  app.put(`${API.templates}/:id`, managers, limitBody(BODY_LIMIT), async (c) => {
    const input = await decodeInput(c, ReplyTemplateInputSchema);
    if (input instanceof Response) return input;
    const existing = await store.template(union(c), c.req.param('id') ?? '');
    if (!existing) return fail(c, 404, 'not-found', MESSAGES.deskTemplateNotFound);
    const t: StoredTemplate = { ...existing, ...written(input, c.var.staff.id) };
    await store.saveTemplate(t);
    await audit(store, c.var.staff, 'template.update', t.id, { category: t.serviceCode });
    return c.json(wire(t));
  });
  app.delete(`${API.templates}/:id`, managers, async (c) => {
    const id = c.req.param('id') ?? '';
    if (!(await store.deleteTemplate(union(c), id)))
      return fail(c, 404, 'not-found', MESSAGES.deskTemplateNotFound);
    await audit(store, c.var.staff, 'template.delete', id);
    return c.body(null, 204);
  });

  return app;
}
