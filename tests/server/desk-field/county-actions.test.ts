import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditPageSchema,
  DESK_AUDIT,
  DESK_QUEUE_API,
  DeskComplaintSchema,
  FIELD_API,
  MOVES,
  ServiceRequestResponseSchema,
} from '../../../src/api/index.ts';
import { type DeskAgent, signedIn } from '../desk/session.ts';
import { expectPersianError, fileOverpricing, type Harness, startServer } from '../harness.ts';

// A county chamber inspector acting on an escalated complaint over HTTP (Guild System Law Art. 52:
// the chamber's inspectors take up what the union decided and the reporter objected to, and
// Art. 72: what the union let pass its ten days). The inspector replies to the reporter and moves
// the complaint as lifecycle.ts's table for the chamber allows, each action audited; a move the
// table does not list is refused in Persian; another county's inspector and the union's clerk
// cannot act through these routes.

let h: Harness;
let clock = Date.parse('2026-05-02T07:00:00.000Z');
const DAY = 86_400_000;
let clerk: DeskAgent;
let tehran: DeskAgent;
let shiraz: DeskAgent;
let operator: DeskAgent;

async function signAll() {
  [clerk, tehran, shiraz, operator] = await Promise.all([
    signedIn(h, 'clerk', 'union-4711-tehran'),
    signedIn(h, 'inspector', 'chamber-tehran'),
    signedIn(h, 'inspector', 'chamber-shiraz'),
    signedIn(h, 'operator', null),
  ]);
}

beforeAll(async () => {
  h = await startServer({ now: () => new Date(clock) });
  await signAll();
});
afterAll(() => h?.stop());

const reply = (agent: DeskAgent, id: string, body: unknown) =>
  agent.post(`${FIELD_API.countyCase(id)}/reply`, body);
const move = (agent: DeskAgent, id: string, body: unknown) =>
  agent.post(`${FIELD_API.countyCase(id)}/move`, body);

/** What the reporter reads behind their own token. */
async function reporterView(id: string, token: string) {
  const res = await h.get(`/open311/v2/requests/${id}.json`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const [view] = ServiceRequestResponseSchema.parse(await res.json());
  return view!;
}

/** Filed, decided by the union's clerk at the desk, objected to by the reporter. */
async function objected() {
  const filed = await fileOverpricing(h);
  const id = filed.service_request_id;
  const closed = await clerk.post(DESK_QUEUE_API.action(id, 'close'), {
    outcome: 'no_violation',
    text: 'تخلفی دیده نشد.',
  });
  expect(closed.status).toBe(201);
  const objection = await h.post(
    '/open311/v2/servicerequestupdates.json',
    { service_request_id: id, action: 'objection', description: 'قبول ندارم؛ برچسب را دیدم.' },
    { Authorization: `Bearer ${filed.access_token}` },
  );
  expect(objection.status).toBe(201);
  return filed;
}

describe("an inspector's actions on an escalated complaint", () => {
  it('opens it with the moves the lifecycle gives the chamber, replies publicly and decides, audited', async () => {
    const { service_request_id: id, access_token } = await objected();
    const opened = await tehran.get(FIELD_API.countyCase(id));
    expect(opened.status).toBe(200);
    const detail = DeskComplaintSchema.parse(await opened.json());
    expect(detail.item.substatus).toBe('under_review');
    expect(detail.moves).toEqual([...MOVES.chamber.under_review]);

    const answered = await reply(tehran, id, { text: 'بازرس اتاق اصناف از واحد بازدید می‌کند.' });
    expect(answered.status).toBe(201);
    const decided = await reply(tehran, id, {
      text: 'گران‌فروشی احراز شد.',
      substatus: 'violation_found',
    });
    expect(decided.status).toBe(201);
    const after = DeskComplaintSchema.parse(await decided.json());
    expect(after.item.substatus).toBe('violation_found');
    expect(after.moves).toEqual([...MOVES.chamber.violation_found]);

    // The reporter reads both replies and the decision.
    const seen = await reporterView(id, access_token);
    expect(seen.substatus).toBe('violation_found');
    const texts = seen.notes.filter((n) => n.type === 'reply').map((n) => n.text);
    expect(texts).toContain('بازرس اتاق اصناف از واحد بازدید می‌کند.');
    expect(texts).toContain('گران‌فروشی احراز شد.');
    // Signed as the chamber, not the union the reporter objected to.
    const byInspector = seen.notes.filter((n) =>
      ['بازرس اتاق اصناف از واحد بازدید می‌کند.', 'گران‌فروشی احراز شد.'].includes(n.text),
    );
    expect(byInspector.map((n) => n.author)).toEqual(['chamber', 'chamber']);
    expect(
      seen.notes.find((n) => n.type === 'status_change' && n.substatus === 'violation_found')?.author,
    ).toBe('chamber');

    // Each action is in the audit trail with who did it.
    const trail = AuditPageSchema.parse(await (await operator.get(DESK_AUDIT)).json());
    const mine = trail.items.filter((e) => e.target === id && e.staff_id === tehran.staff.id);
    expect(mine.map((e) => [e.action, e.detail])).toEqual([
      ['county.reply', { to: 'violation_found' }],
      ['county.reply', {}],
    ]);
  });

  it('moves an open complaint without words, as the table allows', async () => {
    const { service_request_id: id } = await objected();
    const res = await move(tehran, id, { substatus: 'hearing_scheduled' });
    expect(res.status).toBe(201);
    expect(DeskComplaintSchema.parse(await res.json()).item.substatus).toBe('hearing_scheduled');
  });

  it('refuses a move the lifecycle table does not list, in Persian, and changes nothing', async () => {
    const { service_request_id: id } = await objected();
    // lifecycle.ts: "Closed states have none: only an objection reopens"; and withdrawing is the
    // reporter's move, never the chamber's.
    expect(MOVES.chamber.under_review).not.toContain('withdrawn');
    const [withdraw] = await expectPersianError(
      await move(tehran, id, { substatus: 'withdrawn' }),
      409,
      'invalid-transition',
    );
    expect(withdraw!.description).toContain('شاکی انصراف داد');
    expect((await move(tehran, id, { substatus: 'no_violation' })).status).toBe(201);
    expect(MOVES.chamber.no_violation).toEqual([]);
    const [reopen] = await expectPersianError(
      await reply(tehran, id, { text: 'بازگشایی', substatus: 'under_review' }),
      409,
      'invalid-transition',
    );
    expect(reopen!.description).toContain('در حال بررسی');
    const detail = DeskComplaintSchema.parse(await (await tehran.get(FIELD_API.countyCase(id))).json());
    expect(detail.item.substatus).toBe('no_violation');
    expect(detail.notes.some((n) => n.text === 'بازگشایی')).toBe(false);
  });

  it("answers another county's inspector as an unknown complaint, to read or to act", async () => {
    const { service_request_id: id } = await objected();
    await expectPersianError(await shiraz.get(FIELD_API.countyCase(id)), 404, 'not-found');
    await expectPersianError(await reply(shiraz, id, { text: 'رسیدگی شد.' }), 404, 'not-found');
    await expectPersianError(await move(shiraz, id, { substatus: 'violation_found' }), 404, 'not-found');
    const detail = DeskComplaintSchema.parse(await (await tehran.get(FIELD_API.countyCase(id))).json());
    expect(detail.item.substatus).toBe('under_review');
  });

  it("keeps a complaint the union still holds out of the inspector's hands", async () => {
    const { service_request_id: id } = await fileOverpricing(h);
    await expectPersianError(await tehran.get(FIELD_API.countyCase(id)), 404, 'not-found');
    await expectPersianError(await reply(tehran, id, { text: 'رسیدگی شد.' }), 404, 'not-found');
  });

  it("refuses the union's clerk on the inspector's routes, even for the union's own complaint", async () => {
    const { service_request_id: id } = await objected();
    expect((await clerk.get(FIELD_API.countyCase(id))).status).toBe(403);
    await expectPersianError(await reply(clerk, id, { text: 'پاسخ اتحادیه' }), 403);
    await expectPersianError(await move(clerk, id, { substatus: 'violation_found' }), 403);
  });

  it('takes up a complaint the union let pass its Art. 72 deadline', async () => {
    const { service_request_id: id } = await fileOverpricing(h);
    clock += 11 * DAY;
    await signAll();
    const opened = await tehran.get(FIELD_API.countyCase(id));
    expect(opened.status).toBe(200);
    expect(DeskComplaintSchema.parse(await opened.json()).item.substatus).toBe('received');
    expect(
      (await reply(tehran, id, { text: 'رسیدگی را بازرسی شهرستان بر عهده گرفت.', substatus: 'under_review' }))
        .status,
    ).toBe(201);
  });
});
