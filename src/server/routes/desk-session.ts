import { Hono } from 'hono';
import { DESK_SESSION, SignInSchema } from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { decodeBody, limitBody, validationErrors } from '../http/body.ts';
import { fail } from '../http/errors.ts';
import { publicStaff } from '../staff/accounts.ts';
import { audit } from '../staff/audit.ts';
import { DESK_MESSAGES } from '../staff/messages.ts';
import { verifyNothing, verifyPassword } from '../staff/password.ts';
import { type DeskEnv, requireStaff } from '../staff/require-staff.ts';
import { activeSession, endSession, sessionView, startSession } from '../staff/sessions.ts';

// Signing in and out of the desk. `POST /session` takes a username and password and answers the
// session (its CSRF token included) with the cookie; `GET /session` answers the current one;
// `DELETE /session` signs out. A wrong username and a wrong password get the same answer.

export function deskSessionRoutes(deps: ServiceDeps) {
  const app = new Hono<DeskEnv>({ strict: false });

  app.post(DESK_SESSION, limitBody(4096), async (c) => {
    const decoded = await decodeBody(c);
    if (!decoded.ok) return decoded.response;
    const parsed = SignInSchema.safeParse(decoded.value);
    if (!parsed.success) return c.json(validationErrors(parsed.error, c), 400);
    const { username, password } = parsed.data;
    const staff = await deps.store.staffByUsername(username.toLowerCase());
    const ok = staff ? await verifyPassword(password, staff.passwordHash) : await verifyNothing(password);
    if (!staff || !ok || staff.disabled)
      return fail(c, 401, 'desk-bad-credentials', DESK_MESSAGES.badCredentials);
    // Sessions past their absolute end are dropped now and then: at sign-in, where one is added.
    await deps.store.pruneSessions(deps.now().toISOString());
    const session = await startSession(deps, c, staff);
    await audit(deps.store, publicStaff(staff), 'session.sign-in', staff.username);
    c.header('Cache-Control', 'no-store');
    return c.json(session);
  });

  app.get(DESK_SESSION, async (c) => {
    c.header('Cache-Control', 'no-store');
    const active = await activeSession(deps, c);
    if (!active) return fail(c, 401, 'desk-sign-in-needed', DESK_MESSAGES.signInNeeded);
    return c.json(await sessionView(deps, active));
  });

  app.delete(DESK_SESSION, requireStaff(deps), async (c) => {
    await endSession(deps, c);
    await audit(deps.store, c.var.staff, 'session.sign-out', c.var.staff.username);
    return c.body(null, 204);
  });

  return app;
}
