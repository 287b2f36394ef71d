import type { Context } from 'hono';
import { Hono } from 'hono';
import type { z } from 'zod';
import { CountyMoveSchema, CountyReplySchema, FIELD_API, refusalKey } from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { movesFrom, toDeskComplaint } from '../desk/view.ts';
import { escalatedCase } from '../field/county-case.ts';
import { escalateOverdue } from '../field/escalation.ts';
import { decodeBody, limitBody, validationErrors } from '../http/body.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import type { UpdateAction } from '../lifecycle/apply-update.ts';
import { commitUpdate } from '../lifecycle/commit-update.ts';
import { audit } from '../staff/audit.ts';
import { type DeskEnv, requireStaff } from '../staff/require-staff.ts';

// The county chamber inspector's side of an escalated complaint (Guild System Law Art. 52): its
// detail, a public reply the reporter reads, and moves along the lifecycle as the chamber may make
// them (lifecycle.ts's table for the `chamber` actor). Only inspectors of the complaint's county
// reach it; to anyone else it does not exist. Every action is audited.

const ONE = FIELD_API.countyCase(':id');
const BODY_LIMIT = 16 * 1024;

type C = Context<DeskEnv>;

export function deskCountyRoutes(deps: ServiceDeps) {
  const app = new Hono<DeskEnv>({ strict: false });
  const { store } = deps;
  const inspectors = requireStaff(deps, { roles: ['inspector'] });
  const notFound = (c: C) => fail(c, 404, 'not-found', MESSAGES.requestNotFound);

  async function body<S extends z.ZodType>(c: C, schema: S): Promise<z.infer<S> | Response> {
    const decoded = await decodeBody(c);
    if (!decoded.ok) return decoded.response;
    const parsed = schema.safeParse(decoded.value);
    return parsed.success ? parsed.data : c.json(validationErrors(parsed.error, c), 400);
  }

  async function detail(c: C, id: string, status: 200 | 201 = 200) {
    const row = await escalatedCase(deps, c.var.staff, id);
    if (!row) return notFound(c);
    c.header('Cache-Control', 'private, no-store');
    const view = await toDeskComplaint(row, store, deps.now(), deps.publicOrigin());
    return c.json({ ...view, moves: movesFrom(row.substatus, 'chamber') }, status);
  }

  app.get(ONE, inspectors, async (c) => {
    // The check when read, as the county queue does: an overdue complaint is theirs at once.
    await escalateOverdue(deps);
    return detail(c, c.req.param('id') ?? '');
  });

  app.post(`${ONE}/reply`, inspectors, limitBody(BODY_LIMIT), async (c) => {
    const input = await body(c, CountyReplySchema);
    if (input instanceof Response) return input;
    return act(
      c,
      'county.reply',
      {
        actor: 'chamber',
        kind: 'reply',
        text: input.text,
        ...(input.substatus ? { substatus: input.substatus } : {}),
      },
      input.substatus ? { to: input.substatus } : {},
    );
  });

  app.post(`${ONE}/move`, inspectors, limitBody(BODY_LIMIT), async (c) => {
    const input = await body(c, CountyMoveSchema);
    if (input instanceof Response) return input;
    return act(
      c,
      'county.move',
      { actor: 'chamber', kind: 'reply', text: input.text ?? '', substatus: input.substatus },
      { to: input.substatus },
    );
  });

  /** One lifecycle step by the chamber, through the same rules as every other update. */
  async function act(c: C, action: string, update: UpdateAction, detailOf: Record<string, string>) {
    const id = c.req.param('id') ?? '';
    const result = await store.transaction(async () => {
      if (!(await escalatedCase(deps, c.var.staff, id))) return undefined;
      return commitUpdate(store, id, update, deps.now());
    });
    if (!result) return notFound(c);
    if (!result.ok) {
      const { code, reason, params } = result.refusal;
      return fail(c, 409, code, refusalKey(reason), undefined, params ?? {});
    }
    await audit(store, c.var.staff, action, id, detailOf);
    return detail(c, id, 201);
  }

  return app;
}
