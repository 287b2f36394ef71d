import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DESK_AUDIT, DESK_SESSION, DeskSessionSchema } from '../../../src/api/index.ts';
import { readDeskUsers } from '../../../src/server/secrets/desk-users.ts';
import { createStaffAccount, resetStaffPassword } from '../../../src/server/staff/accounts.ts';
import { expectPersianError, type Harness, startServer } from '../harness.ts';
import { startTlsServer, type TlsServer } from '../tls-server.ts';
import { makeStaff, signedIn, signIn } from './session.ts';

// The desk's security properties as a caller can observe them over HTTP (OWASP Session
// Management and Authentication cheat sheets): no session fixation, no password in any answer
// or log line, union A's people see nothing of union B, the cookie is Secure over TLS.

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h?.stop());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(h.url + DESK_SESSION, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('session fixation', () => {
  it('gives a fresh session id at sign-in and ignores the one the browser held before', async () => {
    const { staff, password } = await makeStaff(h, 'clerk');
    // A cookie planted before sign-in (made up, or another person's live one)...
    const planted = 'kbf_desk=attacker-chosen-session-id-000000000000000';
    const first = await post({ username: staff.username, password }, { Cookie: planted });
    const issued = /kbf_desk=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')?.[1];
    expect(issued).toBeDefined();
    expect(issued).not.toBe('attacker-chosen-session-id-000000000000000');
    // ...is worth nothing afterwards.
    const withPlanted = await fetch(h.url + DESK_SESSION, { headers: { Cookie: planted } });
    await expectPersianError(withPlanted, 401, 'desk-sign-in-needed');
    // Signing in again over a live session ends it and issues another.
    const again = await post({ username: staff.username, password }, { Cookie: `kbf_desk=${issued}` });
    const second = /kbf_desk=([^;]+)/.exec(again.headers.get('set-cookie') ?? '')?.[1];
    expect(second).not.toBe(issued);
    const old = await fetch(h.url + DESK_SESSION, { headers: { Cookie: `kbf_desk=${issued}` } });
    await expectPersianError(old, 401, 'desk-sign-in-needed');
  });
});

describe('passwords', () => {
  it('appear in no answer and no log line, at creation, sign-in, failures and a reset', async () => {
    const lines: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi
        .spyOn(console, m)
        .mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))),
    );
    const bodies: string[] = [];
    const seen: string[] = [];
    try {
      const { staff, password } = await createStaffAccount(h.deps.store, {
        username: `quiet-${Date.now()}`,
        name: 'Quiet',
        role: 'clerk',
        agencyId: 'union-4711-tehran',
        county: null,
      });
      seen.push(password);
      for (const p of ['wrong-1', 'wrong-2', password]) {
        seen.push(p);
        const res = await post({ username: staff.username, password: p });
        bodies.push(await res.text(), JSON.stringify([...res.headers]));
      }
      const fresh = (await resetStaffPassword(h.deps.store, staff.username))!;
      seen.push(fresh);
      const agent = await signIn(h.url, staff.username, fresh);
      bodies.push(await (await agent.get(DESK_SESSION)).text());
      bodies.push(await (await post({ username: 'nobody', password: 'guess-for-nobody' })).text());
      seen.push('guess-for-nobody');
    } finally {
      for (const s of spies) s.mockRestore();
    }
    for (const p of seen) {
      for (const b of bodies) expect(b).not.toContain(p);
      for (const l of lines) expect(l).not.toContain(p);
    }
    for (const b of bodies) expect(b).not.toMatch(/scrypt\$/);
  });

  it('are stored only as scrypt hashes naming their parameters', async () => {
    const { staff, password } = await makeStaff(h, 'manager');
    const stored = await h.deps.store.staffById(staff.id);
    expect(stored!.passwordHash).toMatch(/^scrypt\$\d+\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    // A copy of the whole database (a pg_dump on PostgreSQL) holds no password in clear, the
    // demo people's included, though their file keeps them for the operator.
    const everything = h.storedBytes();
    expect(everything.includes(Buffer.from(password))).toBe(false);
    for (const u of readDeskUsers(h.dataDir))
      expect(everything.includes(Buffer.from(u.password))).toBe(false);
  }, 30_000);
});

describe('one union cannot see another', () => {
  it("keeps union B's audit trail from union A's clerk and manager", async () => {
    const clerkB = await signedIn(h, 'clerk', 'union-4771-tehran');
    await clerkB.send('DELETE', DESK_SESSION);
    const managerA = await signedIn(h, 'manager', 'union-4711-tehran');
    for (const q of ['', '?agency=union-4771-tehran', '?limit=200']) {
      const res = await managerA.get(`${DESK_AUDIT}${q}`);
      const body = (await res.json()) as { items: { agency_id: string | null; staff_id: string }[] };
      expect(body.items.some((e) => e.staff_id === clerkB.staff.id)).toBe(false);
      expect(body.items.every((e) => e.agency_id === 'union-4711-tehran')).toBe(true);
    }
    const clerkA = await signedIn(h, 'clerk', 'union-4711-tehran');
    await expectPersianError(
      await clerkA.get(`${DESK_AUDIT}?agency=union-4771-tehran`),
      403,
      'desk-forbidden',
    );
  });
});

describe('over TLS', () => {
  let tlsServer: Harness;
  let ca: string;
  let tls: TlsServer;
  beforeAll(async () => {
    tls = await startTlsServer();
    ({ h: tlsServer, ca } = tls);
  });
  afterAll(() => tls?.stop());

  it('marks the session cookie Secure', async () => {
    const clerk = readDeskUsers(tlsServer.dataDir).find((u) => u.role === 'clerk')!;
    const answer = await new Promise<{ status: number; cookie: string; body: string }>((resolve, reject) => {
      const req = https.request(
        tlsServer.url + DESK_SESSION,
        { method: 'POST', ca, agent: false, headers: { 'Content-Type': 'application/json' } },
        (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () =>
            resolve({ status: res.statusCode!, cookie: String(res.headers['set-cookie'] ?? ''), body }),
          );
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ username: clerk.username, password: clerk.password }));
    });
    expect(answer.status).toBe(200);
    expect(DeskSessionSchema.parse(JSON.parse(answer.body)).staff.username).toBe(clerk.username);
    expect(answer.cookie).toMatch(/;\s*Secure/i);
    expect(answer.cookie).toMatch(/HttpOnly/i);
  });
});
