import { dayOf } from '../abuse/limits.ts';
import type { ServiceDeps } from '../deps.ts';
import { READINGS_WINDOW_DAYS } from '../trust/formula.ts';

// Photos are uploaded before the complaint that uses them is filed (the outbox may hold that
// complaint for days offline), so an unused photo is kept for a grace period and only then
// removed. A photo any complaint names is never removed.

export const MEDIA_GRACE_MS = 7 * 86_400_000;
export const MEDIA_GC_EVERY_MS = 3_600_000;

/** Removes unreferenced photos older than the grace period; returns how many went. */
export async function collectOrphanMedia(deps: ServiceDeps, graceMs = MEDIA_GRACE_MS): Promise<number> {
  const now = deps.now();
  // Yesterday's counters are still read for the day boundary; older ones are history.
  await deps.store.pruneQuotas(dayOf(new Date(now.getTime() - 86_400_000)));
  // Shoppers' plate readings count for the trust badge within their window only; older ones would
  // grow the table with every new install and decide nothing.
  await deps.store.prunePlateReadings(
    new Date(now.getTime() - READINGS_WINDOW_DAYS * 86_400_000).toISOString(),
  );
  const used = await deps.store.referencedMedia();
  // A visit's photo is evidence of the chamber's decision, kept as long as a complaint's.
  for (const url of await deps.store.visitMedia()) used.add(url);
  let removed = 0;
  for (const name of await deps.media.storedBefore(new Date(now.getTime() - graceMs))) {
    if (used.has(`/api/v1/media/${name}`)) continue;
    await deps.media.remove(name);
    removed++;
  }
  return removed;
}
