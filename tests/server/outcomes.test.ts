import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditPageSchema,
  DESK_AUDIT,
  DESK_QUEUE_API,
  MODERATION_API,
  ModerationItemSchema,
  ModerationListSchema,
  OUTCOME_ITEMS_MAX,
  OUTCOMES,
  OUTCOMES_API,
  type ShopOutcomes,
  ShopOutcomesSchema,
} from '../../src/api/index.ts';
import { withCheckDigit } from '../../src/server/gln.ts';
import { otherUnionShop, UNION_A, uploadPhoto } from './desk/fixtures.ts';
import { signedIn } from './desk/session.ts';
import { expectPersianError, FIRST_GLN, type Harness, startServer } from './harness.ts';

// A shop's public outcomes: decided complaints of the last 12 months by category and outcome,
// the union's public replies, and a reporter's words only where they published them and a clerk
// of the union approved them. Never anything of the reporter. Every shop here starts clean: each
// test files against a shop of its own, so counts are exact.

const DAY = 86_400_000;
const START = Date.parse('2026-06-15T09:00:00.000Z');
let clock = START;

let h: Harness;
beforeAll(async () => {
  h = await startServer({ now: () => new Date(clock) });
});
afterAll(() => h?.stop());

/** Shops of union A (the first shop's guild and county), one per test, none used before. */
let nextShop = 0;
async function freshShopOfUnionA(): Promise<string> {
  const first = (await h.deps.store.locationSummary(FIRST_GLN))!;
  for (let i = nextShop + 1; i < 5000; i++) {
    const gln = withCheckDigit(`626${String(i).padStart(9, '0')}`);
    const s = await h.deps.store.locationSummary(gln);
    if (s && s.guildCode === first.guildCode && s.county === first.county && gln !== FIRST_GLN) {
      nextShop = i;
      return gln;
    }
  }
  throw new Error('no more shops of union A');
}

async function file(gln: string, body: Record<string, unknown> = {}) {
  const res = await h.post('/open311/v2/requests.json', {
    service_code: 'no_invoice',
    address_id: gln,
    description: 'فاکتور ندادند',
    ...body,
  });
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${await res.text()}`);
  const [created] = (await res.json()) as { service_request_id: string; access_token: string }[];
  return { id: created!.service_request_id, token: created!.access_token };
}

async function close(agencyId: string, id: string, outcome: string, text: string) {
  const clerk = await signedIn(h, 'clerk', agencyId);
  const res = await clerk.post(DESK_QUEUE_API.action(id, 'close'), { outcome, text });
  expect(res.status, await res.clone().text()).toBe(201);
}

async function outcomes(gln: string): Promise<{ body: ShopOutcomes; text: string; res: Response }> {
  const res = await h.get(OUTCOMES_API.shop(gln));
  expect(res.status).toBe(200);
  const text = await res.text();
  return { body: ShopOutcomesSchema.parse(JSON.parse(text)), text, res };
}

describe('a shop’s public outcomes', () => {
  it('counts decided complaints of the last 12 months by category and outcome; older and open ones do not count', async () => {
    const gln = await freshShopOfUnionA();
    // Thirteen months ago: decided, but out of the window.
    clock = START - 395 * DAY;
    const old = await file(gln);
    await close(UNION_A, old.id, 'violation_found', 'قدیمی');
    clock = START - 300 * DAY;
    const a = await file(gln);
    await close(UNION_A, a.id, 'violation_found', 'تخلف محرز شد');
    clock = START - 20 * DAY;
    const b = await file(gln);
    await close(UNION_A, b.id, 'violation_found', 'تخلف محرز شد');
    clock = START - 19 * DAY;
    const c = await file(gln, {
      service_code: 'overpricing',
      attribute: { price_paid: 150000, labelled_price: 120000 },
    });
    await close(UNION_A, c.id, 'no_violation', 'قیمت درست بود');
    await file(gln); // still open
    clock = START;

    const { body } = await outcomes(gln);
    expect(body.total).toBe(3);
    expect(body.counts.map((x) => [x.service_code, x.outcome, x.count])).toEqual([
      ['no_invoice', 'violation_found', 2],
      ['overpricing', 'no_violation', 1],
    ]);
    // Every outcome named is one of the lifecycle's, and categories carry their names.
    expect(body.counts.every((x) => (OUTCOMES as readonly string[]).includes(x.outcome))).toBe(true);
    expect(body.counts.every((x) => x.service_name.length > 0)).toBe(true);
    expect(Date.parse(body.since)).toBeLessThanOrEqual(START - 365 * DAY);
    expect(Date.parse(body.since)).toBeGreaterThan(START - 395 * DAY);
    // Listed newest first, each with the union's reply; the old complaint is nowhere.
    expect(body.items.map((i) => i.outcome)).toEqual(['no_violation', 'violation_found', 'violation_found']);
    expect(body.items[0]!.reply?.text).toBe('قیمت درست بود');
    expect(JSON.stringify(body)).not.toContain('قدیمی');
  });

  it('lists at most the newest few while counting them all, and keeps its answer cacheable', async () => {
    const gln = await freshShopOfUnionA();
    clock = START - 10 * DAY;
    for (let i = 0; i < OUTCOME_ITEMS_MAX + 2; i++) {
      const x = await file(gln);
      await close(UNION_A, x.id, 'duplicate', `پاسخ ${i}`);
    }
    clock = START;
    const { body, res } = await outcomes(gln);
    expect(body.total).toBe(OUTCOME_ITEMS_MAX + 2);
    expect(body.items).toHaveLength(OUTCOME_ITEMS_MAX);
    // Public and shared caches may keep it (RFC 9111 §5.2.2.9 "public"); a revalidation with
    // the same entity tag is answered 304 without a body (RFC 9110 §13.1.2 If-None-Match).
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await h.get(OUTCOMES_API.shop(gln), { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('never shows the reporter: no id, token, name, contact, install, photo or filing time', async () => {
    const gln = await freshShopOfUnionA();
    clock = START - 5 * DAY;
    const photo = await uploadPhoto(h, 77);
    const deviceId = `device-${Math.random().toString(36).slice(2)}`;
    const filed = await file(gln, {
      description: 'حرف‌های من',
      first_name: 'مریم',
      last_name: 'کاظمی',
      phone: '+989121234567',
      email: 'maryam@example.ir',
      media_url: photo,
      device_id: deviceId,
      publish: true,
    });
    // Decided two days later: the reply's day is public, the filing day is not.
    clock = START - 3 * DAY;
    await close(UNION_A, filed.id, 'violation_found', 'جریمه شد');
    clock = START;
    const stored = (await h.deps.store.request(filed.id))!;
    const { text, body } = await outcomes(gln);
    expect(body.items[0]!.reply?.text).toBe('جریمه شد');
    for (const secret of [
      filed.id,
      filed.token,
      'مریم',
      'کاظمی',
      '9121234567',
      'maryam@',
      deviceId,
      stored.deviceHash!,
      photo,
      photo.split('/').pop()!,
      stored.requestedAt,
      stored.requestedAt.slice(0, 10),
      'media',
      'حرف‌های من', // published, but not approved yet
    ])
      expect(text).not.toContain(secret);
  });

  it('shows words only when the reporter published them and a clerk approved them; rejected words never', async () => {
    const gln = await freshShopOfUnionA();
    clock = START - 3 * DAY;
    const published = await file(gln, { description: 'کلمات منتشرشده', publish: true });
    const privateOne = await file(gln, { description: 'کلمات خصوصی' });
    await close(UNION_A, published.id, 'violation_found', 'پاسخ یک');
    await close(UNION_A, privateOne.id, 'no_violation', 'پاسخ دو');
    clock = START;
    const clerk = await signedIn(h, 'clerk', UNION_A);

    // Pending: in the clerk's queue, not on the shop's page.
    const pending = ModerationListSchema.parse(await (await clerk.get(MODERATION_API.queue)).json());
    expect(pending.items.find((i) => i.service_request_id === published.id)).toMatchObject({
      words: 'کلمات منتشرشده',
      state: 'pending',
      address_id: gln,
    });
    // Words the reporter kept private are not the clerk's to publish.
    expect(pending.items.some((i) => i.service_request_id === privateOne.id)).toBe(false);
    expect((await clerk.post(MODERATION_API.decide(privateOne.id), { decision: 'approve' })).status).toBe(
      404,
    );
    expect((await outcomes(gln)).text).not.toContain('کلمات');

    const rejected = await clerk.post(MODERATION_API.decide(published.id), {
      decision: 'reject',
      reason: 'نام شخص آمده است',
    });
    expect(rejected.status).toBe(200);
    expect(ModerationItemSchema.parse(await rejected.json())).toMatchObject({ state: 'rejected' });
    expect((await outcomes(gln)).text).not.toContain('کلمات');

    const approved = await clerk.post(MODERATION_API.decide(published.id), { decision: 'approve' });
    expect(ModerationItemSchema.parse(await approved.json()).state).toBe('approved');
    const shown = (await outcomes(gln)).body.items;
    expect(shown.find((i) => i.outcome === 'violation_found')?.words).toBe('کلمات منتشرشده');
    expect(shown.find((i) => i.outcome === 'no_violation')?.words).toBeUndefined();
    expect(JSON.stringify(shown)).not.toContain('کلمات خصوصی');

    // A later rejection takes them off again; each decision is in the union's audit trail.
    await clerk.post(MODERATION_API.decide(published.id), { decision: 'reject', reason: 'بازبینی' });
    expect((await outcomes(gln)).text).not.toContain('کلمات');
    const manager = await signedIn(h, 'manager', UNION_A);
    const trail = AuditPageSchema.parse(await (await manager.get(`${DESK_AUDIT}?limit=200`)).json());
    const mine = trail.items.filter((e) => e.target === published.id && e.action.startsWith('words.'));
    expect(mine.map((e) => [e.action, e.staff_id, e.detail?.reason])).toEqual([
      ['words.reject', clerk.staff.id, 'بازبینی'],
      ['words.approve', clerk.staff.id, undefined],
      ['words.reject', clerk.staff.id, 'نام شخص آمده است'],
    ]);
  });

  it('refuses a rejection without a reason, in Persian', async () => {
    const gln = await freshShopOfUnionA();
    const filed = await file(gln, { publish: true });
    const clerk = await signedIn(h, 'clerk', UNION_A);
    await expectPersianError(await clerk.post(MODERATION_API.decide(filed.id), { decision: 'reject' }), 400);
    await expectPersianError(
      await clerk.post(MODERATION_API.decide(filed.id), { decision: 'reject', reason: '  ' }),
      400,
    );
  });

  it("does not let union A's clerk see or moderate union B's words", async () => {
    const other = await otherUnionShop(h);
    const filed = await file(other.gln, { description: 'حرف‌های اتحادیهٔ دیگر', publish: true });
    const clerkA = await signedIn(h, 'clerk', UNION_A);
    const listA = ModerationListSchema.parse(await (await clerkA.get(MODERATION_API.queue)).json());
    expect(listA.items.some((i) => i.service_request_id === filed.id)).toBe(false);
    await expectPersianError(
      await clerkA.post(MODERATION_API.decide(filed.id), { decision: 'approve' }),
      404,
      'not-found',
    );
    const clerkB = await signedIn(h, 'clerk', other.agencyId);
    const listB = ModerationListSchema.parse(await (await clerkB.get(MODERATION_API.queue)).json());
    expect(listB.items.some((i) => i.service_request_id === filed.id)).toBe(true);
  });

  it('takes a moderation write only with the session’s CSRF token and no foreign Origin', async () => {
    const gln = await freshShopOfUnionA();
    const filed = await file(gln, { publish: true });
    const clerk = await signedIn(h, 'clerk', UNION_A);
    const post = (headers: Record<string, string>) =>
      fetch(h.url + MODERATION_API.decide(filed.id), {
        method: 'POST',
        headers: { Cookie: clerk.cookie, 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ decision: 'approve' }),
      });
    await expectPersianError(await post({}), 403, 'desk-csrf');
    await expectPersianError(await post({ 'X-CSRF-Token': 'not-the-token' }), 403, 'desk-csrf');
    await expectPersianError(
      await post({ 'X-CSRF-Token': clerk.csrf, Origin: 'https://evil.example' }),
      403,
      'desk-csrf',
    );
    expect((await h.deps.store.words(filed.id))?.state).toBe('pending');
    expect((await post({ 'X-CSRF-Token': clerk.csrf })).status).toBe(200);
    // Without a session at all, nothing.
    await expectPersianError(await h.get(MODERATION_API.queue), 401);
  });

  it('answers a malformed GLN with 400 and an unknown one with 404', async () => {
    await expectPersianError(await h.get(OUTCOMES_API.shop('123')), 400);
    await expectPersianError(await h.get(OUTCOMES_API.shop(withCheckDigit('626999999999'))), 404);
  });
});
