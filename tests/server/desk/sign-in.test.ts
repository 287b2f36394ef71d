import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, DESK_SESSION, DeskSessionSchema } from '../../../src/api/index.ts';
import { readDeskUsers } from '../../../src/server/secrets/desk-users.ts';
import { SESSION_IDLE_MS } from '../../../src/server/staff/sessions.ts';
import { expectPersianError, type Harness, startServer, TEST_ENGINE } from '../harness.ts';
import { makeStaff, signIn } from './session.ts';

// Signing in to the desk: per-person accounts, sessions as database rows, a CSRF token per
// session. (OWASP Session Management: the id only in a cookie marked HttpOnly and SameSite, a
// fresh one at sign-in, idle and absolute expiry.)

let h: Harness;
let clock = Date.now();
beforeAll(async () => {
  h = await startServer({ now: () => new Date(clock) });
});
afterAll(() => h?.stop());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(h.url + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('the demo desk', () => {
  it('has a clerk and a manager per demo union, an inspector and a field agent for Tehran, and an operator', () => {
    const users = readDeskUsers(h.dataDir);
    const roles = users.map((u) => `${u.role}:${u.agencyId}`).sort();
    expect(roles).toEqual(
      [
        'clerk:union-4711-tehran',
        'clerk:union-4771-tehran',
        'field_agent:chamber-tehran',
        'inspector:chamber-tehran',
        'manager:union-4711-tehran',
        'manager:union-4771-tehran',
        'operator:null',
      ].sort(),
    );
    // Drawn at random, not derived: no two alike, none containing the username.
    expect(new Set(users.map((u) => u.password)).size).toBe(users.length);
    for (const u of users) expect(u.password).not.toContain(u.username);
  });

  it('signs a demo clerk in with the printed password and answers who they are', async () => {
    const clerk = readDeskUsers(h.dataDir).find((u) => u.role === 'clerk')!;
    const res = await post(DESK_SESSION, { username: clerk.username, password: clerk.password });
    expect(res.status).toBe(200);
    const session = DeskSessionSchema.parse(await res.json());
    expect(session.staff).toMatchObject({
      username: clerk.username,
      role: 'clerk',
      agency_id: clerk.agencyId,
    });
    expect(session.staff.county).toBeTruthy();
    expect(JSON.stringify(session)).not.toMatch(/scrypt|password/i);
  });
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, scoped to the desk API, and not Secure over plain HTTP', async () => {
    const { staff, password } = await makeStaff(h, 'clerk');
    const res = await post(DESK_SESSION, { username: staff.username, password });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/v1\/desk/);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('reads back the session with the same CSRF token, and nothing without the cookie', async () => {
    const agent = await signIn(h.url, ...(await creds('manager')));
    const again = DeskSessionSchema.parse(await (await agent.get(DESK_SESSION)).json());
    expect(again.csrf_token).toBe(agent.csrf);
    expect(again.staff).toEqual(agent.staff);
    await expectPersianError(await fetch(h.url + DESK_SESSION), 401, 'desk-sign-in-needed');
  });

  it('holds on another instance of the service on the same database', async () => {
    const agent = await signIn(h.url, ...(await creds('inspector')));
    const other = await startServer(
      TEST_ENGINE === 'postgres' ? { databaseUrl: h.databaseUrl! } : { dataDir: h.dataDir },
    );
    try {
      const res = await fetch(other.url + DESK_SESSION, { headers: { Cookie: agent.cookie } });
      expect(res.status).toBe(200);
      expect(DeskSessionSchema.parse(await res.json()).staff.id).toBe(agent.staff.id);
    } finally {
      // The SQLite instance shares this file's data directory: leave it to the first to remove.
      if (TEST_ENGINE === 'postgres') await other.stop();
      else await other.close();
    }
  });
});

describe('a wrong sign-in', () => {
  it('says the same, in Persian, for a wrong password and for an unknown username', async () => {
    const { staff } = await makeStaff(h, 'clerk');
    const wrong = await expectPersianError(
      await post(DESK_SESSION, { username: staff.username, password: 'not-the-password' }),
      401,
      'desk-bad-credentials',
    );
    const unknown = await expectPersianError(
      await post(DESK_SESSION, { username: 'nobody-here', password: 'not-the-password' }),
      401,
      'desk-bad-credentials',
    );
    expect(unknown).toEqual(wrong);
  });

  it('sets no cookie', async () => {
    const res = await post(DESK_SESSION, { username: 'nobody-here', password: 'x' });
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('signing out', () => {
  it('needs the CSRF token, then ends the session for good', async () => {
    const agent = await signIn(h.url, ...(await creds('clerk')));
    const bare = await fetch(h.url + DESK_SESSION, { method: 'DELETE', headers: { Cookie: agent.cookie } });
    await expectPersianError(bare, 403, 'desk-csrf');
    expect((await agent.send('DELETE', DESK_SESSION)).status).toBe(204);
    await expectPersianError(await agent.get(DESK_SESSION), 401, 'desk-sign-in-needed');
  });
});

describe('expiry', () => {
  it('ends a session left idle past the idle limit', async () => {
    const agent = await signIn(h.url, ...(await creds('clerk')));
    clock += SESSION_IDLE_MS + 1000;
    await expectPersianError(await agent.get(DESK_SESSION), 401, 'desk-sign-in-needed');
  });

  it('ends every session of an account the moment it is disabled', async () => {
    const agent = await signIn(h.url, ...(await creds('clerk')));
    expect((await agent.get(DESK_SESSION)).status).toBe(200);
    await h.deps.store.setStaffDisabled(agent.staff.id, true);
    await expectPersianError(await agent.get(DESK_SESSION), 401, 'desk-sign-in-needed');
    const res = await post(DESK_SESSION, { username: agent.staff.username, password: 'whatever' });
    expect(res.status).toBe(401);
  });
});

describe('CSRF on writes', () => {
  it('refuses a wrong token and a foreign Origin, and accepts the own origin with the token', async () => {
    const agent = await signIn(h.url, ...(await creds('manager')));
    const del = (headers: Record<string, string>) =>
      fetch(h.url + DESK_SESSION, { method: 'DELETE', headers: { Cookie: agent.cookie, ...headers } });
    await expectPersianError(await del({ [CSRF_HEADER]: `${agent.csrf.slice(0, -1)}x` }), 403, 'desk-csrf');
    await expectPersianError(
      await del({ [CSRF_HEADER]: agent.csrf, Origin: 'https://evil.example' }),
      403,
      'desk-csrf',
    );
    expect((await del({ [CSRF_HEADER]: agent.csrf, Origin: h.url })).status).toBe(204);
  });
});

async function creds(role: Parameters<typeof makeStaff>[1]): Promise<[string, string]> {
  const { staff, password } = await makeStaff(h, role);
  return [staff.username, password];
}
