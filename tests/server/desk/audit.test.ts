import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditPageSchema, DESK_AUDIT } from '../../../src/api/index.ts';
import { audit } from '../../../src/server/staff/audit.ts';
import { expectPersianError, type Harness, startServer } from '../harness.ts';
import { type DeskAgent, signedIn } from './session.ts';

// The audit trail: every desk action with who and when, read by a union manager (their own
// union's only) and an operator (everyone's).

const A = 'union-4711-tehran';
const B = 'union-4771-tehran';

let h: Harness;
let managerA: DeskAgent;
let managerB: DeskAgent;
beforeAll(async () => {
  h = await startServer();
  [managerA, managerB] = [await signedIn(h, 'manager', A), await signedIn(h, 'manager', B)];
});
afterAll(() => h?.stop());

const read = async (agent: DeskAgent, query = '') => {
  const res = await agent.get(`${DESK_AUDIT}${query}`);
  expect(res.status).toBe(200);
  return AuditPageSchema.parse(await res.json());
};

describe('the audit trail', () => {
  it('records an action with the person, their role and agency as they were, and its detail', async () => {
    const clerk = await signedIn(h, 'clerk', A);
    await audit(h.deps.store, clerk.staff, 'complaint.reply', 'KBF-TEST-1', {
      template: 'price',
      sent: true,
    });
    const [entry] = (await read(managerA)).items;
    expect(entry).toMatchObject({
      staff_id: clerk.staff.id,
      staff_name: clerk.staff.name,
      role: 'clerk',
      agency_id: A,
      action: 'complaint.reply',
      target: 'KBF-TEST-1',
      detail: { template: 'price', sent: true },
    });
    expect(Date.parse(entry!.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("shows a manager their own union's entries and never another union's", async () => {
    const clerkB = await signedIn(h, 'clerk', B);
    await audit(h.deps.store, clerkB.staff, 'complaint.reply', 'KBF-B-ONLY');
    const ofA = await read(managerA, '?limit=200');
    expect(ofA.items.length).toBeGreaterThan(0);
    expect(ofA.items.every((e) => e.agency_id === A)).toBe(true);
    // Asking for another union by name changes nothing for a manager.
    const asked = await read(managerA, `?agency=${B}&limit=200`);
    expect(asked.items.some((e) => e.target === 'KBF-B-ONLY')).toBe(false);
    expect((await read(managerB, '?limit=200')).items.some((e) => e.target === 'KBF-B-ONLY')).toBe(true);
  });

  it('shows an operator every agency, or the one named', async () => {
    const operator = await signedIn(h, 'operator');
    const all = await read(operator, '?limit=200');
    expect(all.items.some((e) => e.agency_id === A) && all.items.some((e) => e.agency_id === B)).toBe(true);
    const onlyB = await read(operator, `?agency=${B}&limit=200`);
    expect(onlyB.items.every((e) => e.agency_id === B)).toBe(true);
  });

  it('pages newest first without repeating or skipping an entry', async () => {
    const clerk = await signedIn(h, 'clerk', A);
    for (let i = 0; i < 5; i++) await audit(h.deps.store, clerk.staff, 'test.step', `step-${i}`);
    const seen: number[] = [];
    let before: number | undefined;
    do {
      const page = await read(managerA, `?limit=2${before ? `&before=${before}` : ''}`);
      seen.push(...page.items.map((e) => e.id));
      before = page.next;
    } while (before);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(seen.length);
    const all = await read(managerA, '?limit=200');
    expect(seen).toEqual(all.items.map((e) => e.id));
  });

  it('is closed to clerks, inspectors and field agents', async () => {
    for (const role of ['clerk', 'inspector', 'field_agent'] as const) {
      const agent = await signedIn(h, role);
      await expectPersianError(await agent.get(DESK_AUDIT), 403, 'desk-forbidden');
    }
  });

  it('records signing in and out', async () => {
    const clerk = await signedIn(h, 'clerk', A);
    await clerk.send('DELETE', '/api/v1/desk/session');
    const mine = (await read(managerA, '?limit=200')).items.filter((e) => e.staff_id === clerk.staff.id);
    expect(mine.map((e) => e.action)).toEqual(['session.sign-out', 'session.sign-in']);
  });
});
