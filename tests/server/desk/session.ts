import {
  CSRF_HEADER,
  DESK_SESSION,
  type DeskSession,
  type Staff,
  type StaffRole,
} from '../../../src/api/index.ts';
import { createStaffAccount } from '../../../src/server/staff/accounts.ts';
import type { Harness } from '../harness.ts';

// A person at the desk, for server tests: signs in over HTTP like the desk's page does, then
// carries the session cookie and the CSRF header on every call.

export type DeskAgent = {
  staff: Staff;
  /** `name=value` of the session cookie, as a browser would send it back. */
  cookie: string;
  csrf: string;
  get(path: string): Promise<Response>;
  post(path: string, body: unknown): Promise<Response>;
  send(method: string, path: string, body?: unknown): Promise<Response>;
};

export async function signIn(baseUrl: string, username: string, password: string): Promise<DeskAgent> {
  const res = await fetch(baseUrl + DESK_SESSION, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const session = (await res.json()) as DeskSession;
  const cookie = /^([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error('sign-in set no cookie');
  const send = (method: string, path: string, body?: unknown) =>
    fetch(baseUrl + path, {
      method,
      redirect: 'manual',
      headers: {
        Cookie: cookie,
        ...(method === 'GET' || method === 'HEAD' ? {} : { [CSRF_HEADER]: session.csrf_token }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    staff: session.staff,
    cookie,
    csrf: session.csrf_token,
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
    send,
  };
}

let made = 0;

/**
 * A new account of the given role on a running test server, with its password. Union roles
 * default to the first demo shop's union, chamber roles to the Tehran chamber.
 */
export async function makeStaff(
  h: Harness,
  role: StaffRole,
  agencyId: string | null = role === 'operator'
    ? null
    : role === 'clerk' || role === 'manager'
      ? 'union-4711-tehran'
      : 'chamber-tehran',
): Promise<{ staff: Staff; password: string }> {
  const agency = agencyId ? await h.deps.store.agency(agencyId) : undefined;
  return createStaffAccount(h.deps.store, {
    username: `${role.replace('_', '-')}-${process.pid}-${++made}-${Math.random().toString(36).slice(2, 8)}`,
    name: `Test ${role} ${made}`,
    role,
    agencyId,
    county: agency?.kind === 'chamber' ? agency.county : null,
  });
}

/** Makes an account and signs it in. */
export async function signedIn(h: Harness, role: StaffRole, agencyId?: string | null): Promise<DeskAgent> {
  const { staff, password } = await makeStaff(h, role, agencyId);
  return signIn(h.url, staff.username, password);
}
