import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESK_QUEUE_API as API,
  AuditPageSchema,
  DESK_AUDIT,
  type DeskComplaint,
  DeskComplaintSchema,
  DeskCountsSchema,
  DeskDashboardSchema,
  DeskQueuePageSchema,
  ReplyTemplateSchema,
  ServiceRequestResponseSchema,
} from '../../../src/api/index.ts';
import { createStaffAccount } from '../../../src/server/staff/accounts.ts';
import { expectPersianError, FIRST_GLN, type Harness, startServer } from '../harness.ts';
import { file, otherUnionShop, UNION_A, uploadPhoto } from './fixtures.ts';
import { signedIn, signIn } from './session.ts';

// The desk's queue routes over HTTP, on the engine under test, with people signed in as the
// desk signs them in. A union's clerk works the union's complaints and nothing else: another
// union's complaint answers exactly as an unknown one, through every route.

type Session = Awaited<ReturnType<typeof signIn>>;
let h: Harness;
let clerk: Session;
let colleague: Session;
let manager: Session;
let otherClerk: Session;
let other: { gln: string; agencyId: string };
let mine: { id: string; token: string };
let theirs: string;

async function person(username: string, role: 'clerk' | 'manager', agencyId: string): Promise<Session> {
  const { password } = await createStaffAccount(h.deps.store, {
    username,
    name: `${username} نام`,
    role,
    agencyId,
    county: null,
  });
  return signIn(h.url, username, password);
}
const detail = async (res: Response, status = 200): Promise<DeskComplaint> => {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return DeskComplaintSchema.parse(body);
};

beforeAll(async () => {
  h = await startServer();
  other = await otherUnionShop(h);
  clerk = await person('clerk-a', 'clerk', UNION_A);
  colleague = await person('clerk-a2', 'clerk', UNION_A);
  manager = await person('manager-a', 'manager', UNION_A);
  otherClerk = await person('clerk-b', 'clerk', other.agencyId);
  mine = await file(h, {
    service_code: 'overpricing',
    attribute: { price_paid: 150000 },
    description: 'گران‌تر از برچسب',
    media_urls: [await uploadPhoto(h, 90)],
    phone: '09120000000',
    device_id: 'device-of-the-reporter-1',
  });
  const res = await h.post('/open311/v2/requests.json', {
    service_code: 'no_invoice',
    address_id: other.gln,
  });
  theirs = ((await res.json()) as { service_request_id: string }[])[0]!.service_request_id;
});
afterAll(() => h.stop());

describe('the queue', () => {
  it("finds a complaint by its tracking code in the union's own queue only", async () => {
    const page = DeskQueuePageSchema.parse(await (await clerk.get(`${API.queue}?q=${mine.id}`)).json());
    expect(page.items.map((i) => i.id)).toEqual([mine.id]);
    expect(page.items[0]!.photos).toBe(1);
    const all = DeskQueuePageSchema.parse(await (await clerk.get(API.queue)).json());
    expect(all.items.map((i) => i.id)).not.toContain(theirs);
    const b = DeskQueuePageSchema.parse(await (await otherClerk.get(`${API.queue}?q=${mine.id}`)).json());
    expect(b.items).toEqual([]);
  });

  it('refuses a malformed filter or cursor with a Persian 400', async () => {
    await expectPersianError(await clerk.get(`${API.queue}?status=nonsense`), 400, 'bad-query');
    await expectPersianError(await clerk.get(`${API.queue}?cursor=zz`), 400, 'bad-query');
  });

  it('counts per status', async () => {
    const counts = DeskCountsSchema.parse(await (await clerk.get(API.counts)).json());
    expect(counts.by_status.received).toBeGreaterThanOrEqual(1);
  });

  it("offers as filter choices the guilds and counties of the union's own complaints only, each of which filters", async () => {
    const first = (await h.deps.store.locationSummary(FIRST_GLN))!;
    const theirShop = (await h.deps.store.locationSummary(other.gln))!;
    const counts = DeskCountsSchema.parse(await (await clerk.get(API.counts)).json());
    expect(counts.guilds).toEqual([first.guildCode]);
    expect(counts.guilds).not.toContain(theirShop.guildCode);
    expect(counts.counties).toEqual([first.county]);
    const theirs = DeskCountsSchema.parse(await (await otherClerk.get(API.counts)).json());
    expect(theirs.guilds).toEqual([theirShop.guildCode]);
    for (const [key, value] of [
      ['county', counts.counties[0]!],
      ['guild', counts.guilds[0]!],
    ] as [string, string][]) {
      const page = DeskQueuePageSchema.parse(
        await (await clerk.get(`${API.queue}?${key}=${encodeURIComponent(value)}`)).json(),
      );
      expect(page.items.map((i) => i.id)).toContain(mine.id);
    }
    const none = DeskQueuePageSchema.parse(
      await (await clerk.get(`${API.queue}?guild=${encodeURIComponent(theirShop.guildCode)}`)).json(),
    );
    expect(none.items).toEqual([]);
  });

  it('asks who is asking: signed out is 401, a field agent is 403, a write without the CSRF token is 403', async () => {
    await expectPersianError(await fetch(`${h.url}${API.queue}`), 401, 'desk-sign-in-needed');
    const agent = await signedIn(h, 'field_agent');
    await expectPersianError(await agent.get(API.queue), 403, 'desk-forbidden');
    const bare = await fetch(`${h.url}${API.action(mine.id, 'claim')}`, {
      method: 'POST',
      headers: { Cookie: clerk.cookie, 'Content-Type': 'application/json' },
      body: '{}',
    });
    await expectPersianError(bare, 403, 'desk-csrf');
  });
});

describe('a clerk of union A against union B', () => {
  it('cannot read, claim, reply to, move, close, ask about or judge union B’s complaint', async () => {
    await expectPersianError(await clerk.get(API.complaint(theirs)), 404, 'not-found');
    const attempts: [string, unknown][] = [
      [API.action(theirs, 'claim'), {}],
      [API.action(theirs, 'reply'), { text: 'x' }],
      [API.action(theirs, 'ask'), { text: 'x' }],
      [API.action(theirs, 'move'), { substatus: 'under_review' }],
      [API.action(theirs, 'close'), { outcome: 'no_violation', text: 'x' }],
      [API.action(theirs, 'triage'), { decision: 'spam' }],
      [API.action(theirs, 'assign'), { staff_id: clerk.staff.id }],
    ];
    for (const [path, body] of attempts)
      await expectPersianError(await clerk.post(path, body), 404, 'not-found');
    const untouched = (await h.deps.store.request(theirs))!;
    expect(untouched.substatus).toBe('received');
    expect(untouched.spam).toBe(false);
    expect((await h.deps.store.notes(theirs)).filter((n) => n.author === 'union')).toEqual([]);
  });

  it("cannot see union B's templates, use them, or change them", async () => {
    const made = ReplyTemplateSchema.parse(
      await (
        await manager.post(API.templates, { service_code: 'no_invoice', title: 'الگو', body: 'متن الگو' })
      ).json(),
    );
    expect(await (await otherClerk.get(API.templates)).json()).toEqual([]);
    await expectPersianError(
      await otherClerk.send('PUT', API.template(made.id), {
        service_code: 'no_invoice',
        title: 'x',
        body: 'y',
      }),
      403,
    );
    await expectPersianError(
      await otherClerk.post(API.action(theirs, 'reply'), { text: 'x', template_id: made.id }),
      400,
    );
  });

  it("sees no figure of union A's in its dashboard or its CSV", async () => {
    const board = DeskDashboardSchema.parse(await (await otherClerk.get(API.dashboard)).json());
    expect(board.open).toBe((await h.deps.store.dashboardRows(other.agencyId)).length);
    const csv = await (await otherClerk.get(API.csv)).text();
    expect(csv).not.toContain(mine.id);
    expect(csv).toContain(theirs);
  });
});

describe('working a complaint', () => {
  it('shows the detail with photos, evidence, the shop, and the contact the reporter chose to give, never a device hash', async () => {
    const res = await clerk.get(API.complaint(mine.id));
    const text = await res.clone().text();
    const c = await detail(res);
    expect(c.media_urls).toHaveLength(1);
    expect(c.attribute.price_paid).toBe(150000);
    expect(c.shop?.gln).toBe(FIRST_GLN);
    expect(c.contact?.phone).toBe('09120000000');
    const stored = (await h.deps.store.request(mine.id))!;
    expect(text).not.toContain(stored.deviceHash!);
    expect(text).not.toContain(stored.tokenHash);
    expect(c.moves).toContain('under_review');
  });

  it('claims, assigns to a colleague of the same union, and refuses an assignee from elsewhere', async () => {
    expect((await detail(await clerk.post(API.action(mine.id, 'claim'), {}))).item.assignee?.id).toBe(
      clerk.staff.id,
    );
    const handed = await detail(
      await clerk.post(API.action(mine.id, 'assign'), { staff_id: colleague.staff.id }),
    );
    expect(handed.item.assignee?.id).toBe(colleague.staff.id);
    await expectPersianError(
      await clerk.post(API.action(mine.id, 'assign'), { staff_id: otherClerk.staff.id }),
      400,
      'validation',
    );
  });

  it('replies from a template; the reporter reads the reply on their complaint', async () => {
    const tpl = ReplyTemplateSchema.parse(
      await (
        await manager.post(API.templates, {
          service_code: 'overpricing',
          title: 'ارجاع به بازرسی',
          body: 'شکایت شما به بازرسی اتحادیه ارجاع شد.',
        })
      ).json(),
    );
    const templates = ReplyTemplateSchema.array().parse(
      await (await clerk.get(`${API.templates}?category=overpricing`)).json(),
    );
    expect(templates.map((x) => x.id)).toContain(tpl.id);
    const c = await detail(
      await clerk.post(API.action(mine.id, 'reply'), {
        text: tpl.body,
        template_id: tpl.id,
        substatus: 'under_review',
      }),
      201,
    );
    expect(c.item.substatus).toBe('under_review');
    const seen = ServiceRequestResponseSchema.parse(
      await (
        await h.get(`/open311/v2/requests/${mine.id}.json`, {
          headers: { Authorization: `Bearer ${mine.token}` },
        })
      ).json(),
    )[0]!;
    expect(seen.notes.some((n) => n.type === 'reply' && n.text === tpl.body)).toBe(true);
    expect(seen.substatus).toBe('under_review');
    // Who did it and when, in the trail the union's manager reads.
    const trail = AuditPageSchema.parse(await (await manager.get(DESK_AUDIT)).json()).items;
    const entry = trail.find((e) => e.action === 'complaint.reply' && e.target === mine.id);
    expect(entry).toMatchObject({
      staff_id: clerk.staff.id,
      agency_id: UNION_A,
      detail: { template: tpl.id },
    });
    expect(trail.some((e) => e.action === 'complaint.claim' && e.staff_id === clerk.staff.id)).toBe(true);
  });

  it('asks the reporter, who sees a question and answers with a follow-up', async () => {
    await detail(await clerk.post(API.action(mine.id, 'ask'), { text: 'تاریخ خرید را بنویسید.' }), 201);
    const auth = { Authorization: `Bearer ${mine.token}` };
    const seen = ServiceRequestResponseSchema.parse(
      await (await h.get(`/open311/v2/requests/${mine.id}.json`, { headers: auth })).json(),
    )[0]!;
    expect(seen.notes.at(-1)).toMatchObject({
      author: 'union',
      code: 'question',
      text: 'تاریخ خرید را بنویسید.',
    });
    const answer = await h.post(
      '/open311/v2/servicerequestupdates.json',
      { service_request_id: mine.id, action: 'follow_up', description: 'دیروز' },
      auth,
    );
    expect(answer.status).toBe(201);
    const c = await detail(await clerk.get(API.complaint(mine.id)));
    expect(c.notes.at(-1)).toMatchObject({ type: 'follow_up', author: 'reporter', text: 'دیروز' });
  });

  it('refuses a move the lifecycle forbids, and a move to an outcome without naming it as a close', async () => {
    await expectPersianError(
      await clerk.post(API.action(mine.id, 'move'), { substatus: 'received' }),
      409,
      'invalid-transition',
    );
    await expectPersianError(
      await clerk.post(API.action(mine.id, 'move'), { substatus: 'no_violation' }),
      400,
    );
  });

  it('closes with a named outcome, after which no further move is allowed', async () => {
    const c = await detail(
      await clerk.post(API.action(mine.id, 'close'), { outcome: 'violation_found', text: 'تخلف محرز شد.' }),
      201,
    );
    expect(c.item.substatus).toBe('violation_found');
    expect(c.moves).toEqual([]);
    await expectPersianError(
      await clerk.post(API.action(mine.id, 'close'), { outcome: 'no_violation', text: 'x' }),
      409,
      'invalid-transition',
    );
    await expectPersianError(
      await clerk.post(API.action(mine.id, 'close'), { outcome: 'withdrawn', text: 'x' }),
      400,
    );
  });

  it('lets only the manager write templates', async () => {
    await expectPersianError(
      await clerk.post(API.templates, { service_code: 'overpricing', title: 'x', body: 'y' }),
      403,
    );
  });
});

describe('the CSV export and the dashboard', () => {
  let csvCase: string;
  beforeAll(async () => {
    csvCase = (
      await file(h, {
        service_code: 'no_invoice',
        description: '=HYPERLINK("http://evil.example","x")',
        email: 'reporter@example.com',
        phone: '09351112233',
      })
    ).id;
  });

  it('exports the filtered queue with no reporter contact and formula cells neutralised', async () => {
    const res = await clerk.get(`${API.csv}?category=no_invoice`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = await res.text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toContain('کد پیگیری');
    expect(lines.some((l) => l.startsWith(csvCase))).toBe(true);
    expect(lines.every((l) => !l.startsWith(mine.id))).toBe(true); // another category
    expect(csv).not.toContain('09351112233');
    expect(csv).not.toContain('reporter@example.com');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  });

  it('computes the figures from the union’s filings: open, outcomes by category, this month, first replies', async () => {
    const board = DeskDashboardSchema.parse(await (await clerk.get(API.dashboard)).json());
    const rows = await h.deps.store.dashboardRows(UNION_A);
    expect(board.open).toBe(
      rows.filter((r) => ['received', 'under_review', 'hearing_scheduled'].includes(r.substatus)).length,
    );
    expect(board.outcomes).toContainEqual({
      service_code: 'overpricing',
      outcome: 'violation_found',
      count: 1,
    });
    expect(board.months.reduce((n, m) => n + m.filed, 0)).toBe(rows.length);
    // The one complaint answered here was answered within seconds of filing.
    expect(board.median_first_reply_minutes).not.toBeNull();
    expect(board.median_first_reply_minutes!).toBeLessThan(5);
  });
});
