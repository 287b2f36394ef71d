import {
  OUTCOME_ITEMS_MAX,
  outcomeWindowStart,
  type PublicOutcomeItem,
  type ShopOutcomes,
} from '../../api/index.ts';
import { CATEGORY_BY_CODE } from '../complaints/categories.ts';
import type { Store } from '../store/types.ts';
import { stripBidi } from '../text/bidi.ts';

// A shop's public outcomes, built from decided complaints only. Each item is built field by field
// from what anyone may read: the category, the outcome, the union's last reply (with its day)
// and, where published and approved, the reporter's words. Nothing else of a complaint, not even
// its id, leaves here: an id would open its public Open311 view with the exact times.

const nameOf = (code: string) => CATEGORY_BY_CODE.get(code)?.name ?? code;

export async function shopOutcomes(store: Store, gln: string, now: Date): Promise<ShopOutcomes> {
  const since = outcomeWindowStart(now);
  const [counts, rows] = await Promise.all([
    store.outcomeCounts(gln, since),
    store.outcomeItems(gln, since, OUTCOME_ITEMS_MAX),
  ]);
  const replies = await store.unionReplies(rows.map((r) => r.id));
  // Oldest first, so the last one kept per complaint is its latest.
  const lastReply = new Map(replies.map((r) => [r.requestId, r]));
  const items = rows.map((r): PublicOutcomeItem => {
    const reply = lastReply.get(r.id);
    return {
      service_code: r.serviceCode,
      service_name: nameOf(r.serviceCode),
      outcome: r.outcome,
      ...(reply
        ? { reply: { by: reply.by, text: stripBidi(reply.text), date: reply.datetime.slice(0, 10) } }
        : {}),
      ...(r.words ? { words: stripBidi(r.words) } : {}),
    };
  });
  return {
    gln,
    since,
    total: counts.reduce((s, c) => s + c.count, 0),
    counts: counts.map((c) => ({
      service_code: c.serviceCode,
      service_name: nameOf(c.serviceCode),
      outcome: c.outcome,
      count: c.count,
    })),
    items,
  };
}
