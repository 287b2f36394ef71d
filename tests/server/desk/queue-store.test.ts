import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardOf } from '../../../src/server/desk/dashboard.ts';
import { deskFilterOf } from '../../../src/server/desk/queue-filter.ts';
import type { DeskFilter } from '../../../src/server/store/desk-types.ts';
import type { QueueCursor } from '../../../src/server/store/types.ts';
import { FIRST_GLN, type Harness, startServer } from '../harness.ts';
import { file, otherUnionShop, UNION_A, uploadPhoto } from './fixtures.ts';

// The desk's store queries on the engine under test (KBF_TEST_ENGINE), over complaints filed
// through the real service: one union's queue only, filtered, searched, paged by cursor in the
// desk's order; counts; templates per union and category; assignment; the dashboard's rows.

let h: Harness;
let other: { gln: string; agencyId: string };
const ids: Record<string, string> = {};
const store = () => h.deps.store;
const queue = (f: Partial<DeskFilter> = {}, limit = 100) =>
  store().deskPage(UNION_A, { view: 'queue', ...f }, undefined, limit);
const idsOf = async (f: Partial<DeskFilter> = {}) => (await queue(f)).items.map((i) => i.id);

beforeAll(async () => {
  h = await startServer();
  other = await otherUnionShop(h);
  const photo = await uploadPhoto(h, 40);
  ids.photo = (
    await file(h, { service_code: 'overpricing', attribute: { price_paid: 9 }, media_urls: [photo] })
  ).id;
  ids.plain = (await file(h, { service_code: 'no_invoice', description: 'بدون فاکتور' })).id;
  // Closed by the union, then objected to by the reporter: escalated and open again.
  const objected = await file(h, { service_code: 'no_price_label' });
  ids.escalated = objected.id;
  const union = { Authorization: `Bearer ${h.token(UNION_A)}` };
  await h.post(
    '/open311/v2/servicerequestupdates.json',
    { service_request_id: objected.id, action: 'reply', description: 'بررسی شد', substatus: 'no_violation' },
    union,
  );
  await h.post(
    '/open311/v2/servicerequestupdates.json',
    { service_request_id: objected.id, action: 'objection', description: 'قبول ندارم' },
    { Authorization: `Bearer ${objected.token}` },
  );
  const closed = await file(h, { service_code: 'no_invoice' });
  ids.closed = closed.id;
  await h.post(
    '/open311/v2/servicerequestupdates.json',
    {
      service_request_id: closed.id,
      action: 'reply',
      description: 'تخلف محرز شد',
      substatus: 'violation_found',
    },
    union,
  );
  const res = await h.post('/open311/v2/requests.json', {
    service_code: 'no_invoice',
    address_id: other.gln,
  });
  ids.otherUnion = ((await res.json()) as { service_request_id: string }[])[0]!.service_request_id;
});
afterAll(() => h.stop());

describe("a union's desk queue in the store", () => {
  it("lists the union's own complaints only, escalated first, then the nearest deadline", async () => {
    const items = (await queue()).items;
    expect(items.map((i) => i.id)).not.toContain(ids.otherUnion);
    expect(items.every((i) => i.agencyId === UNION_A)).toBe(true);
    expect(items[0]!.id).toBe(ids.escalated);
    const rest = items.slice(1).map((i) => i.expectedAt);
    expect(rest).toEqual([...rest].sort());
    expect(items.find((i) => i.id === ids.photo)!.locationName).toBeTruthy();
  });

  it('filters by status (open, closed, one state), category, guild, county, escalation and photos', async () => {
    expect(await idsOf({ substatuses: ['violation_found'] })).toEqual([ids.closed]);
    const open = await idsOf(deskFilterOf({ view: 'queue', status: 'open' }, new Date(), 'x'));
    expect(open).toContain(ids.photo);
    expect(open).not.toContain(ids.closed);
    const closed = await idsOf(deskFilterOf({ view: 'queue', status: 'closed' }, new Date(), 'x'));
    expect(closed).toContain(ids.closed);
    expect(closed).not.toContain(ids.photo);
    expect(await idsOf({ serviceCode: 'overpricing' })).toEqual([ids.photo]);
    expect(await idsOf({ escalated: true })).toEqual([ids.escalated]);
    expect(await idsOf({ photos: true })).toEqual([ids.photo]);
    const shop = (await store().locationSummary(FIRST_GLN))!;
    expect(await idsOf({ guild: shop.guildCode })).toContain(ids.plain);
    expect(await idsOf({ guild: '0000' })).toEqual([]);
    expect(await idsOf({ county: shop.county })).toContain(ids.plain);
    expect(await idsOf({ county: 'nowhere' })).toEqual([]);
  });

  it('counts as overdue what is open past its deadline, and only that', async () => {
    const later = new Date(Date.now() + 30 * 86_400_000);
    const overdue = await idsOf(deskFilterOf({ view: 'queue', overdue: '1' }, later, 'x'));
    expect(overdue).toContain(ids.photo);
    expect(overdue).not.toContain(ids.closed);
    expect(await idsOf(deskFilterOf({ view: 'queue', overdue: '1' }, new Date(), 'x'))).toEqual([]);
  });

  it('finds a complaint by its tracking code, by GLN (Persian digits too) and by part of the shop name', async () => {
    const byCode = deskFilterOf({ view: 'queue', q: ids.plain!.toLowerCase() }, new Date(), 'x');
    expect(await idsOf(byCode)).toEqual([ids.plain]);
    const persianGln = FIRST_GLN.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    expect(await idsOf(deskFilterOf({ view: 'queue', q: persianGln }, new Date(), 'x'))).toHaveLength(4);
    const name = (await store().locationSummary(FIRST_GLN))!.name;
    const part = name.slice(1, 4);
    expect(await idsOf(deskFilterOf({ view: 'queue', q: part }, new Date(), 'x'))).toContain(ids.plain);
    // A LIKE wildcard is searched for as itself.
    expect(await idsOf(deskFilterOf({ view: 'queue', q: '%%%' }, new Date(), 'x'))).toEqual([]);
  });

  it('pages by cursor through exactly the same rows in the same order', async () => {
    const all = await idsOf();
    const seen: string[] = [];
    let after: QueueCursor | undefined;
    do {
      const page = await store().deskPage(UNION_A, { view: 'queue' }, after, 1);
      seen.push(...page.items.map((i) => i.id));
      after = page.next;
    } while (after);
    expect(seen).toEqual(all);
  });

  it('counts per status, set-aside and overdue for the union', async () => {
    const counts = await store().deskCounts(UNION_A, new Date().toISOString());
    const by = Object.fromEntries(counts.byStatus.map((c) => [c.substatus, c.count]));
    expect(by.violation_found).toBe(1);
    expect(by.under_review).toBe(1);
    expect(by.received).toBe(2);
    expect(counts.overdue).toBe(0);
    expect(counts.triage).toBe(0);
  });
});

describe('assignment, templates and the dashboard in the store', () => {
  it('records who works a complaint and lists "mine"', async () => {
    await store().assign(ids.plain!, { id: 'staff-1', name: 'مریم' });
    expect(await idsOf({ assigneeId: 'staff-1' })).toEqual([ids.plain]);
    expect((await store().deskRow(ids.plain!))!.assigneeName).toBe('مریم');
    await store().assign(ids.plain!, null);
    expect(await idsOf({ assigneeId: 'staff-1' })).toEqual([]);
  });

  it('keeps templates per union and category; another union can neither overwrite nor delete them', async () => {
    const t = {
      id: 'tpl-1',
      agencyId: UNION_A,
      serviceCode: 'overpricing',
      title: 'پاسخ گران‌فروشی',
      body: 'پرونده به بازرسی ارجاع شد.',
      updatedAt: new Date().toISOString(),
      updatedBy: 'staff-1',
    };
    await store().saveTemplate(t);
    await store().saveTemplate({ ...t, agencyId: other.agencyId, body: 'hijacked' });
    expect((await store().template(UNION_A, 'tpl-1'))!.body).toBe(t.body);
    expect(await store().templates(UNION_A, 'overpricing')).toHaveLength(1);
    expect(await store().templates(UNION_A, 'no_invoice')).toHaveLength(0);
    expect(await store().templates(other.agencyId)).toHaveLength(0);
    expect(await store().deleteTemplate(other.agencyId, 'tpl-1')).toBe(false);
    expect(await store().deleteTemplate(UNION_A, 'tpl-1')).toBe(true);
  });

  it("gives the dashboard each complaint's first reply from the union", async () => {
    const rows = await store().dashboardRows(UNION_A);
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.firstReplyAt)).toHaveLength(2);
    const board = dashboardOf(rows, new Date());
    expect(board.open).toBe(3);
    expect(board.outcomes).toEqual([{ service_code: 'no_invoice', outcome: 'violation_found', count: 1 }]);
    expect(board.months.reduce((n, m) => n + m.filed, 0)).toBe(4);
  });
});
