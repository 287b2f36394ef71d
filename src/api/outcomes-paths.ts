// The address of a shop's public outcomes and its window, without zod, so the shopper's client
// and the shop page can import them (the wire schemas are in outcomes.ts).
// Not under /api/v1/locations/{gln}/…: that segment is an AI 254 extension, and `outcomes` is a
// valid one.
export const OUTCOMES_API = {
  /** Route pattern (the service) and path (the client). */
  shopPattern: '/api/v1/outcomes/:gln',
  shop: (gln: string) => `/api/v1/outcomes/${encodeURIComponent(gln)}`,
} as const;

/** How far back the shop page looks, counted from filing. */
export const OUTCOME_WINDOW_MONTHS = 12;
/** The latest decided complaints shown with their reply; older ones count but are not listed. */
export const OUTCOME_ITEMS_MAX = 10;

/**
 * The moment the window opens: the start of the UTC day `OUTCOME_WINDOW_MONTHS` calendar months
 * before `now`. Whole days keep the answer (and its ETag) the same all day for caches.
 */
export function outcomeWindowStart(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCMonth(d.getUTCMonth() - OUTCOME_WINDOW_MONTHS);
  return d.toISOString();
}
