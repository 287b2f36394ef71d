import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_SESSION, DESK_SESSIONS, DeskSessionSchema } from '../../../src/api/index.ts';
import { expectPersianError, type Harness, startServer } from '../harness.ts';
import { makeStaff, signIn } from './session.ts';

// Guessing passwords: an account locks after a few wrong ones in a row and stays locked, the
// right password included, until the lock ends or an operator unlocks it; an address has a far
// higher ceiling, as a carrier's NAT puts many honest people behind one. Sign out everywhere
// ends every session of the person.

let h: Harness;
let clock = Date.now();
beforeAll(async () => {
  h = await startServer({
    now: () => new Date(clock),
    // One proxy in front, so each test's X-Forwarded-For is its own address.
    limits: { trustProxy: 1 },
    env: {
      DESK_LOCK_AFTER: '3',
      DESK_LOCK_MINUTES: '10',
      DESK_SIGNIN_ADDRESS_BURST: '40',
      DESK_SIGNIN_ADDRESS_PER_MIN: '1',
    },
  });
});
afterAll(() => h?.stop());

const attempt = (username: string, password: string, headers: Record<string, string> = {}) =>
  fetch(h.url + DESK_SESSION, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });

describe('an account under guessing', () => {
  it('locks after the third wrong password in a row and then refuses even the right one, in Persian', async () => {
    const { staff, password } = await makeStaff(h, 'clerk');
    for (let i = 0; i < 2; i++)
      await expectPersianError(await attempt(staff.username, 'wrong'), 401, 'desk-bad-credentials');
    const third = await attempt(staff.username, 'wrong');
    expect(third.headers.get('retry-after')).toBe(String(10 * 60));
    const [locked] = await expectPersianError(third, 429, 'desk-locked');
    // The end of the lock, in Persian digits (Jalali date and Tehran time).
    expect(locked!.description).toMatch(/[۰-۹]/);
    await expectPersianError(await attempt(staff.username, password), 429, 'desk-locked');
    clock += 9 * 60 * 1000;
    await expectPersianError(await attempt(staff.username, password), 429, 'desk-locked');
    clock += 2 * 60 * 1000;
    expect((await attempt(staff.username, password)).status).toBe(200);
  });

  it('relocks at the next wrong password after a lock ends without a success between', async () => {
    const { staff } = await makeStaff(h, 'clerk');
    for (let i = 0; i < 3; i++) await attempt(staff.username, 'wrong');
    clock += 11 * 60 * 1000;
    await expectPersianError(await attempt(staff.username, 'wrong'), 429, 'desk-locked');
  });

  it('counts from zero again after a successful sign-in', async () => {
    const { staff, password } = await makeStaff(h, 'manager');
    for (let i = 0; i < 2; i++) await attempt(staff.username, 'wrong');
    expect((await attempt(staff.username, password)).status).toBe(200);
    for (let i = 0; i < 2; i++)
      await expectPersianError(await attempt(staff.username, 'wrong'), 401, 'desk-bad-credentials');
  });

  it('counts parallel guesses each, so a burst cannot slip past the lock', async () => {
    const { staff, password } = await makeStaff(h, 'clerk');
    const answers = await Promise.all(Array.from({ length: 8 }, () => attempt(staff.username, 'wrong')));
    expect(answers.filter((r) => r.status === 401).length).toBeLessThanOrEqual(2);
    await expectPersianError(await attempt(staff.username, password), 429, 'desk-locked');
  });

  it('opens again when an operator unlocks it', async () => {
    const { staff, password } = await makeStaff(h, 'inspector');
    for (let i = 0; i < 3; i++) await attempt(staff.username, 'wrong');
    await h.deps.store.setStaffLogin(staff.id, 0, null);
    expect((await attempt(staff.username, password)).status).toBe(200);
  });
});

describe('an address under guessing', () => {
  it('is stopped after its burst of attempts across accounts, while another address still signs in', async () => {
    const flood = { 'X-Forwarded-For': '203.0.113.9' };
    let refused: Response | undefined;
    for (let i = 0; i < 60 && !refused; i++) {
      const res = await attempt(`nobody-${i}`, 'wrong', flood);
      if (res.status === 429) refused = res;
    }
    expect(refused).toBeDefined();
    await expectPersianError(refused!, 429, 'rate-limited');
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    // Only that address waits: a colleague elsewhere signs in, and no account was locked.
    const { staff, password } = await makeStaff(h, 'clerk');
    await expectPersianError(await attempt(staff.username, password, flood), 429, 'rate-limited');
    expect((await attempt(staff.username, password, { 'X-Forwarded-For': '198.51.100.7' })).status).toBe(200);
  });
});

describe('sign out everywhere', () => {
  it('ends every session of the person, and only theirs', async () => {
    const { staff, password } = await makeStaff(h, 'clerk');
    const [laptop, phone] = [
      await signIn(h.url, staff.username, password),
      await signIn(h.url, staff.username, password),
    ];
    const colleague = await signIn(
      h.url,
      ...(await (async () => {
        const o = await makeStaff(h, 'clerk');
        return [o.staff.username, o.password] as const;
      })()),
    );
    expect((await phone.send('DELETE', DESK_SESSIONS)).status).toBe(204);
    await expectPersianError(await laptop.get(DESK_SESSION), 401, 'desk-sign-in-needed');
    await expectPersianError(await phone.get(DESK_SESSION), 401, 'desk-sign-in-needed');
    expect(DeskSessionSchema.parse(await (await colleague.get(DESK_SESSION)).json()).staff.id).not.toBe(
      staff.id,
    );
  });
});
