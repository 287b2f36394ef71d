import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { DESK_API, type DeskSession } from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';
import type { StoredSession, StoredStaff } from '../store/staff-types.ts';
import { publicStaff } from './accounts.ts';

// Desk sessions are rows in the database (every instance honours every session; disabling an
// account ends them at once), known there only by the SHA-256 of their id. The id travels in an
// HttpOnly, SameSite=Strict cookie scoped to the desk API, Secure whenever the service is reached
// over TLS. Each session has its own CSRF token, handed to the page (not a cookie) and sent back
// as a header on every write.

export const SESSION_COOKIE = 'kbf_desk';
/** Without activity for this long a session ends (a desk left open in an office). */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** However active, a session ends this long after sign-in: one working day. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** `last_seen_at` is written at most this often per session: reads stay reads. */
const TOUCH_EVERY_MS = 60 * 1000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export type ActiveSession = { session: StoredSession; staff: StoredStaff };

const secure = (deps: ServiceDeps) => deps.publicOrigin().startsWith('https:');

/** The session this request's cookie names, if it is live: known, unexpired, its account enabled. */
export async function activeSession(deps: ServiceDeps, c: Context): Promise<ActiveSession | undefined> {
  const id = getCookie(c, SESSION_COOKIE);
  if (!id || id.length > 100) return undefined;
  const found = await deps.store.session(sha256(id));
  if (!found || found.staff.disabled) return undefined;
  const now = deps.now().getTime();
  const { session } = found;
  if (now >= Date.parse(session.expiresAt) || now - Date.parse(session.lastSeenAt) >= SESSION_IDLE_MS) {
    await deps.store.deleteSession(session.idHash);
    return undefined;
  }
  if (now - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS)
    await deps.store.touchSession(session.idHash, new Date(now).toISOString());
  return found;
}

/**
 * A fresh session for a person who has just proven who they are. Whatever session cookie the
 * request carried is ended, never reused: an id planted before sign-in is worth nothing after.
 */
export async function startSession(deps: ServiceDeps, c: Context, staff: StoredStaff): Promise<DeskSession> {
  const before = getCookie(c, SESSION_COOKIE);
  if (before && before.length <= 100) await deps.store.deleteSession(sha256(before));
  const id = randomBytes(32).toString('base64url');
  const now = deps.now();
  const session: StoredSession = {
    idHash: sha256(id),
    staffId: staff.id,
    csrfToken: randomBytes(32).toString('base64url'),
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
  };
  await deps.store.insertSession(session);
  setCookie(c, SESSION_COOKIE, id, {
    path: DESK_API,
    httpOnly: true,
    sameSite: 'Strict',
    secure: secure(deps),
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
  return sessionView(deps, { session, staff });
}

/** Ends this request's session (if any) and clears its cookie. */
export async function endSession(deps: ServiceDeps, c: Context): Promise<void> {
  const id = getCookie(c, SESSION_COOKIE);
  if (id && id.length <= 100) await deps.store.deleteSession(sha256(id));
  deleteCookie(c, SESSION_COOKIE, {
    path: DESK_API,
    httpOnly: true,
    sameSite: 'Strict',
    secure: secure(deps),
  });
}

/** What the page may know of its session: the person, the CSRF token and when it ends at the latest. */
export async function sessionView(
  deps: ServiceDeps,
  { session, staff }: ActiveSession,
): Promise<DeskSession> {
  const agency = staff.agency_id ? await deps.store.agency(staff.agency_id) : undefined;
  return {
    staff: publicStaff(staff),
    csrf_token: session.csrfToken,
    expires_at: session.expiresAt,
    agency_name: agency?.name ?? null,
  };
}
