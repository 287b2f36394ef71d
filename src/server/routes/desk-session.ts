import { type Context, Hono } from 'hono';
import { DESK_SESSION, DESK_SESSIONS, SignInSchema } from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { decodeBody, limitBody, validationErrors } from '../http/body.ts';
import { fail } from '../http/errors.ts';
import { formatTime, langOf } from '../i18n.ts';
import { publicStaff } from '../staff/accounts.ts';
import { audit } from '../staff/audit.ts';
import { DESK_MESSAGES } from '../staff/messages.ts';
import { verifyNothing, verifyPassword } from '../staff/password.ts';
import { type DeskEnv, requireStaff } from '../staff/require-staff.ts';
import { activeSession, endSession, sessionView, startSession } from '../staff/sessions.ts';
import { addressGate } from '../staff/sign-in-limits.ts';

// Signing in and out of the desk. `POST /session` takes a username and password and answers the
// session (its CSRF token included) with the cookie; `GET /session` answers the current one;
// `DELETE /session` signs out; `DELETE /sessions` signs the person out everywhere. A wrong
// username and a wrong password get the same answer; a locked account says until when.

export function deskSessionRoutes(deps: ServiceDeps) {
  const app = new Hono<DeskEnv>({ strict: false });
  const limits = deps.deskSignIn;
  const perAddress = addressGate(limits, deps.limits.trustProxy, deps.limits.maxKeys);

  app.post(DESK_SESSION, limitBody(4096), async (c) => {
    const decoded = await decodeBody(c);
    if (!decoded.ok) return decoded.response;
    const parsed = SignInSchema.safeParse(decoded.value);
    if (!parsed.success) return c.json(validationErrors(parsed.error, c), 400);
    const wait = perAddress(c);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return fail(c, 429, 'rate-limited', DESK_MESSAGES.throttled);
    }
    const { username, password } = parsed.data;
    const staff = await deps.store.staffByUsername(username.toLowerCase());
    const now = deps.now();
    // Locked: refused before the password is even looked at, so the lock cannot be probed.
    if (staff?.lockedUntil && Date.parse(staff.lockedUntil) > now.getTime())
      return locked(c, staff.lockedUntil);
    const ok = staff ? await verifyPassword(password, staff.passwordHash) : await verifyNothing(password);
    if (staff && !ok) {
      const after = await deps.store.recordFailedLogin(
        staff.id,
        limits.lockAfter,
        new Date(now.getTime() + limits.lockMs).toISOString(),
      );
      if (after?.lockedUntil && Date.parse(after.lockedUntil) > now.getTime()) {
        await audit(deps.store, publicStaff(staff), 'account.locked', staff.username, {
          failures: after.failedLogins,
        });
        return locked(c, after.lockedUntil);
      }
    }
    if (!staff || !ok || staff.disabled)
      return fail(c, 401, 'desk-bad-credentials', DESK_MESSAGES.badCredentials);
    if (staff.failedLogins > 0) await deps.store.setStaffLogin(staff.id, 0, null);
    // Sessions past their absolute end are dropped now and then: at sign-in, where one is added.
    await deps.store.pruneSessions(deps.now().toISOString());
    const session = await startSession(deps, c, staff);
    await audit(deps.store, publicStaff(staff), 'session.sign-in', staff.username);
    c.header('Cache-Control', 'no-store');
    return c.json(session);
  });

  function locked(c: Context, until: string) {
    c.header(
      'Retry-After',
      String(Math.max(1, Math.ceil((Date.parse(until) - deps.now().getTime()) / 1000))),
    );
    return fail(c, 429, 'desk-locked', DESK_MESSAGES.locked, undefined, {
      until: formatTime(until, langOf(c)),
    });
  }

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

  app.delete(DESK_SESSIONS, requireStaff(deps), async (c) => {
    const ended = await deps.store.deleteStaffSessions(c.var.staff.id);
    await endSession(deps, c);
    await audit(deps.store, c.var.staff, 'session.sign-out-everywhere', c.var.staff.username, { ended });
    return c.body(null, 204);
  });

  return app;
}
