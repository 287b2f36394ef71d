import { Hono } from 'hono';
import { type AuditItem, type AuditPage, DESK_AUDIT } from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { type DeskEnv, requireStaff } from '../staff/require-staff.ts';
import type { StoredAuditEntry } from '../store/staff-types.ts';

// The audit trail, newest first, paged by id. A union manager reads their own union's; an
// operator reads everyone's (or one agency's, `?agency=`). Nobody else reads it.

const PAGE = 50;
const MAX_PAGE = 200;

const toItem = (e: StoredAuditEntry): AuditItem => ({
  id: e.id,
  at: e.at,
  staff_id: e.staffId,
  staff_name: e.staffName,
  role: e.role,
  agency_id: e.agencyId,
  action: e.action,
  target: e.target,
  detail: e.detail,
});

export function deskAuditRoutes(deps: ServiceDeps) {
  const app = new Hono<DeskEnv>({ strict: false });
  app.get(DESK_AUDIT, requireStaff(deps, { roles: ['manager', 'operator'] }), async (c) => {
    const staff = c.var.staff;
    const limit = Number(c.req.query('limit') ?? PAGE);
    const beforeText = c.req.query('before');
    const before = beforeText === undefined ? undefined : Number(beforeText);
    const agencyParam = c.req.query('agency');
    if (
      !Number.isInteger(limit) ||
      limit < 1 ||
      limit > MAX_PAGE ||
      (before !== undefined && (!Number.isSafeInteger(before) || before < 1)) ||
      (agencyParam !== undefined && agencyParam.length > 80)
    )
      return fail(c, 400, 'bad-query', MESSAGES.badQuery);
    // A manager's own union, whatever they ask for; an operator whichever they name, or all.
    const agencyId = staff.role === 'operator' ? agencyParam : (staff.agency_id ?? '');
    const rows = await deps.store.auditPage({ agencyId, limit: limit + 1, ...(before ? { before } : {}) });
    const items = rows.slice(0, limit).map(toItem);
    const body: AuditPage = { items };
    if (rows.length > limit) body.next = items[items.length - 1]!.id;
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
  return app;
}
