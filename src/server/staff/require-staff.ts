import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { CSRF_HEADER, type Staff, type StaffRole } from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { fail } from '../http/errors.ts';
import { publicStaff } from './accounts.ts';
import { DESK_MESSAGES } from './messages.ts';
import { activeSession } from './sessions.ts';

// The gate of every desk route: a live session (401 `desk-sign-in-needed`), on any write the
// session's CSRF token in its header and no foreign Origin (403 `desk-csrf`), and a role the route
// admits (403 `desk-forbidden`). The cookie is SameSite=Strict already; the token and the Origin
// check hold even where a browser or a proxy gets SameSite wrong.

export type DeskEnv = { Variables: { staff: Staff } };

const READS = new Set(['GET', 'HEAD']);

function sameToken(sent: string | undefined, expected: string): boolean {
  if (!sent) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function requireStaff(
  deps: ServiceDeps,
  opts: { roles?: StaffRole[] } = {},
): MiddlewareHandler<DeskEnv> {
  return async (c, next) => {
    const active = await activeSession(deps, c);
    if (!active) return fail(c, 401, 'desk-sign-in-needed', DESK_MESSAGES.signInNeeded);
    if (!READS.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (
        (origin !== undefined && origin !== deps.publicOrigin()) ||
        !sameToken(c.req.header(CSRF_HEADER), active.session.csrfToken)
      )
        return fail(c, 403, 'desk-csrf', DESK_MESSAGES.csrf);
    }
    if (opts.roles && !opts.roles.includes(active.staff.role))
      return fail(c, 403, 'desk-forbidden', DESK_MESSAGES.forbidden);
    c.set('staff', publicStaff(active.staff));
    await next();
  };
}
