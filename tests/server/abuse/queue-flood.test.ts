import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type UnionQueue, UnionQueueSchema } from '../../../src/api/index.ts';
import { DEFAULT_LIMITS } from '../../../src/server/abuse/limits.ts';
import { withCheckDigit } from '../../../src/server/gln.ts';
import { FIRST_GLN, fileOverpricing, type Harness, startServer } from '../harness.ts';

// Issue 11, point 2: a few hundred bogus complaints from a handful of addresses pushed a real
// one off the desk (newest 500, no paging, "open only" included) within a second. With the
// shipped daily limits, a flood from one address now waits in triage or is refused, the real
// complaint stays on the desk's first page, and the desk pages through everything by cursor.

let h: Harness;
const UNION = 'union-4711-tehran';
const auth = () => ({ headers: { Authorization: `Bearer ${h.token(UNION)}` } });
async function page(query: string): Promise<UnionQueue> {
  const res = await h.get(`/open311/v2/union/requests.json${query}`, auth());
  expect(res.status).toBe(200);
  return UnionQueueSchema.parse(await res.json());
}
/** The Tehran supermarkets of the demo registry (guild 4711): all routed to the same union. */
async function sameUnionShops(): Promise<string[]> {
  const out: string[] = [];
  const county = (await h.deps.store.locationSummary(FIRST_GLN))!.county;
  for (let i = 1; out.length < 12 && i < 2000; i++) {
    const gln = withCheckDigit(`626${String(i).padStart(9, '0')}`);
    const s = await h.deps.store.locationSummary(gln);
    if (s && s.guildCode === '4711' && s.county === county) out.push(gln);
  }
  return out;
}

beforeAll(async () => {
  h = await startServer({ limits: { daily: DEFAULT_LIMITS.daily } });
});
afterAll(() => h.stop());

describe('a flood of complaints does not bury a real one', () => {
  let real: string;
  let statuses: number[];

  beforeAll(async () => {
    real = (await fileOverpricing(h, {}, { 'X-Install-Token': await h.install() })).service_request_id;
    // Twenty installs from one address (as many as the address may ask for in a burst), each
    // filing as fast as it can about a dozen shops of the same union: 300 attempts.
    const shops = await sameUnionShops();
    const attackers = await Promise.all(Array.from({ length: 20 }, () => h.install()));
    statuses = [];
    for (let i = 0; i < 300; i++) {
      const res = await h.post(
        '/open311/v2/requests.json',
        { service_code: 'no_invoice', address_id: shops[i % shops.length], description: `bogus ${i}` },
        { 'X-Install-Token': attackers[i % attackers.length]! },
      );
      statuses.push(res.status);
    }
  });

  it("refuses what is beyond each install's daily cap and sets the rest of a burst aside", async () => {
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const accepted = statuses.filter((s) => s === 201).length;
    const first = await page('?status=open');
    expect(first.triage_count).toBeGreaterThan(0);
    // What reaches the desk is bounded by installs x triage threshold, not by the attempts.
    const inQueue = accepted - (first.triage_count ?? 0);
    expect(inQueue).toBeLessThanOrEqual(20 * DEFAULT_LIMITS.daily.triageAfterPerInstall);
  });

  it('keeps the real complaint on the first page, "open only" included', async () => {
    for (const q of ['', '?status=open']) {
      const first = await page(q);
      expect(first.items.length).toBeLessThanOrEqual(50);
      expect(first.items[0]!.service_request_id).toBe(real); // nearest deadline first
    }
  });

  it('lists the set-aside complaints apart, grouped, each group together', async () => {
    const triage = await page('?view=triage&limit=200');
    expect(triage.items.length).toBe(triage.triage_count);
    const groups = triage.items.map((i) => i.triage_group!);
    expect(groups.every(Boolean)).toBe(true);
    // Grouped: once a group ends it does not come back further down the list.
    const seen = new Set<string>();
    for (let i = 0; i < groups.length; i++) {
      if (i > 0 && groups[i] !== groups[i - 1]) expect(seen.has(groups[i]!)).toBe(false);
      seen.add(groups[i]!);
    }
    expect(triage.items.some((i) => i.service_request_id === real)).toBe(false);
  });

  it('pages the triage list by cursor in the order of one long page, each complaint once', async () => {
    const whole = (await page('?view=triage&limit=200')).items.map((i) => i.service_request_id);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await page(`?view=triage&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...p.items.map((i) => i.service_request_id));
      cursor = p.next_cursor;
    } while (cursor);
    expect(whole.length).toBeGreaterThan(4);
    expect(paged).toEqual(whole);
  });

  it('pages the whole queue by cursor, each complaint once, escalated first then by deadline', async () => {
    const ids: string[] = [];
    const keys: [number, string][] = [];
    let cursor: string | undefined;
    do {
      const p = await page(`?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      for (const i of p.items) {
        ids.push(i.service_request_id);
        keys.push([i.escalated ? 0 : 1, i.expected_datetime]);
      }
      cursor = p.next_cursor;
    } while (cursor);
    expect(new Set(ids).size).toBe(ids.length);
    const all = statuses.filter((s) => s === 201).length + 1;
    expect(ids.length).toBe(all - ((await page('')).triage_count ?? 0));
    const sorted = [...keys].sort((x, y) => x[0] - y[0] || x[1].localeCompare(y[1]));
    expect(keys).toEqual(sorted);
    await expectBadQuery('?cursor=not-a-cursor');
    await expectBadQuery('?limit=100000');
  });

  it("lets the desk mark spam: out of the queue and counts, and that install's next complaint waits in triage", async () => {
    const install = await h.install();
    const shop = (await sameUnionShops())[5]!;
    const spam = await fileOverpricing(h, { address_id: shop }, { 'X-Install-Token': install });
    const before = await (await h.get(`/api/v1/complaint-counts/${shop}`)).json();
    const res = await h.post(
      `/open311/v2/union/requests/${spam.service_request_id}/triage.json`,
      { decision: 'spam' },
      { Authorization: `Bearer ${h.token(UNION)}` },
    );
    expect(res.status).toBe(200);
    const after = await (await h.get(`/api/v1/complaint-counts/${shop}`)).json();
    expect(after.open).toBe(before.open - 1);
    expect((await page('?view=spam')).items.map((i) => i.service_request_id)).toContain(
      spam.service_request_id,
    );
    const next = await fileOverpricing(
      h,
      { address_id: shop, service_code: 'no_invoice', attribute: {} },
      { 'X-Install-Token': install },
    );
    const triage = await page('?view=triage&limit=200');
    expect(triage.items.find((i) => i.service_request_id === next.service_request_id)?.triage_group).toMatch(
      /^spam-install:/,
    );
    // Another union cannot judge this union's complaints.
    const foreign = await h.post(
      `/open311/v2/union/requests/${next.service_request_id}/triage.json`,
      { decision: 'genuine' },
      { Authorization: `Bearer ${h.token('union-4771-tehran')}` },
    );
    expect(foreign.status).toBe(404);
    const genuine = await h.post(
      `/open311/v2/union/requests/${next.service_request_id}/triage.json`,
      { decision: 'genuine' },
      { Authorization: `Bearer ${h.token(UNION)}` },
    );
    expect(genuine.status).toBe(200);
    expect((await page('?limit=200')).items.map((i) => i.service_request_id)).toContain(
      next.service_request_id,
    );
  });
});

async function expectBadQuery(q: string) {
  const res = await h.get(`/open311/v2/union/requests.json${q}`, auth());
  expect(res.status).toBe(400);
}
