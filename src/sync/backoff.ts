// When to try a failed delivery again. Exponential so a dead server is not hammered, with jitter
// so that phones coming back online together (after a network outage) do not retry in step, and
// capped so that a complaint written on a flaky day still goes out the same day.

export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 60 * 60_000;

/**
 * Delay before attempt `attempt + 1`, given `attempt` failures so far (1 = first failure).
 * "Equal jitter": half the exponential step is fixed, half random, so the delay never collapses
 * to zero and still spreads clients out. `retryAfterSeconds` (a 429/503 hint) is a floor.
 */
export function retryDelay(
  attempt: number,
  random: () => number = Math.random,
  retryAfterSeconds?: number,
): number {
  const n = Math.max(1, Math.floor(attempt));
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (n - 1));
  const r = Math.min(1, Math.max(0, random()));
  const delay = Math.round(step / 2 + (step / 2) * r);
  return retryAfterSeconds ? Math.max(delay, retryAfterSeconds * 1000) : delay;
}
