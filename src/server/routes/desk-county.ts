import type { Context } from 'hono';
import { Hono } from 'hono';
import { CountyMoveSchema, CountyReplySchema, FIELD_API } from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { actOnCase } from '../desk/act-on-case.ts';
import { movesFrom, toDeskComplaint } from '../desk/view.ts';
import { escalatedCase } from '../field/county-case.ts';
import { escalateOverdue } from '../field/escalation.ts';
import { decodeInput, limitBody } from '../http/body.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import type { UpdateAction } from '../lifecycle/apply-update.ts';
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
    const input = await decodeInput(c, CountyReplySchema);
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
    const input = await decodeInput(c, CountyMoveSchema);
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
    const mayAct = async () => Boolean(await escalatedCase(deps, c.var.staff, id));
    return (await actOnCase(deps, c, id, mayAct, update, { action, detail: detailOf })) ?? detail(c, id, 201);
  }

  return app;
}
