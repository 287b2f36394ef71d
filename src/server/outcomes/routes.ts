import { createHash } from 'node:crypto';
import { type Context, Hono } from 'hono';
import {
  MODERATION_API,
  ModerationDecisionSchema,
  type ModerationItem,
  type ModerationList,
  OUTCOMES_API,
  type Staff,
  WordsStateSchema,
} from '../../api/index.ts';
import { CATEGORY_BY_CODE } from '../complaints/categories.ts';
import type { ServiceDeps } from '../deps.ts';
import { decodeInput, limitBody } from '../http/body.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { rejectBadGln } from '../http/gln-param.ts';
import { etagMatches } from '../records/record-cache.ts';
import { audit } from '../staff/audit.ts';
import { type DeskEnv, requireStaff } from '../staff/require-staff.ts';
import type { WordsRow } from '../store/outcomes-types.ts';
import { stripBidi } from '../text/bidi.ts';
import { shopOutcomes } from './shop-outcomes.ts';

// Public outcomes of a shop (anyone, cacheable by a CDN: the same answer all day until a
// complaint is decided or words approved) and the union's moderation of reporters' words (its
// clerks and managers; a complaint of another union answers as one that does not exist; every
// decision is audited).

const PUBLIC_CACHE = 'public, max-age=60, stale-while-revalidate=600';
const WORKERS = { roles: ['clerk', 'manager'] as Staff['role'][] };
const QUEUE_MAX = 100;
const BODY_LIMIT = 8 * 1024;

const toItem = (r: WordsRow): ModerationItem => ({
  service_request_id: r.id,
  service_code: r.serviceCode,
  service_name: CATEGORY_BY_CODE.get(r.serviceCode)?.name ?? r.serviceCode,
  address_id: r.gln,
  place_name: r.placeName,
  substatus: r.substatus,
  requested_datetime: r.requestedAt,
  words: stripBidi(r.words),
  state: r.state,
  ...(r.reason ? { reason: r.reason } : {}),
});

export function outcomeRoutes(deps: ServiceDeps) {
  const app = new Hono<DeskEnv>({ strict: false });
  const { store } = deps;
  const workers = requireStaff(deps, WORKERS);
  const union = (c: Context<DeskEnv>) => c.var.staff.agency_id ?? '';

  app.get(OUTCOMES_API.shopPattern, async (c) => {
    const gln = c.req.param('gln');
    const bad = rejectBadGln(c, gln);
    if (bad) return bad;
    if (!(await deps.records.get(gln)).found) return fail(c, 404, 'not-found', MESSAGES.unknownGln);
    const body = JSON.stringify(await shopOutcomes(store, gln, deps.now()));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', PUBLIC_CACHE);
    if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  app.get(MODERATION_API.queue, workers, async (c) => {
    const state = WordsStateSchema.safeParse(c.req.query('state') ?? 'pending');
    if (!state.success) return fail(c, 400, 'bad-query', MESSAGES.badQuery);
    const rows = await store.wordsQueue(union(c), state.data, QUEUE_MAX);
    const answer: ModerationList = { items: rows.map(toItem) };
    c.header('Cache-Control', 'private, no-store');
    return c.json(answer);
  });

  app.post(MODERATION_API.decidePattern, workers, limitBody(BODY_LIMIT), async (c) => {
    const decision = await decodeInput(c, ModerationDecisionSchema);
    if (decision instanceof Response) return decision;
    const id = c.req.param('id') ?? '';
    const row = await store.words(id);
    if (!row || row.agencyId !== union(c)) return fail(c, 404, 'not-found', MESSAGES.requestNotFound);
    const me = c.var.staff;
    const reason = decision.decision === 'reject' ? decision.reason : null;
    await store.decideWords(id, {
      state: decision.decision === 'approve' ? 'approved' : 'rejected',
      reason,
      at: deps.now().toISOString(),
      staffId: me.id,
      staffName: me.name,
    });
    await audit(store, me, `words.${decision.decision}`, id, reason ? { reason } : undefined);
    const after = await store.words(id);
    c.header('Cache-Control', 'private, no-store');
    return c.json(after ? toItem(after) : toItem(row));
  });

  return app;
}
