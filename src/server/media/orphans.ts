import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { dayOf } from '../abuse/limits.ts';
import type { ServiceDeps } from '../deps.ts';

// Photos are uploaded before the complaint that uses them is filed (the outbox may hold that
// complaint for days offline), so an unused photo is kept for a grace period and only then
// removed. A photo any complaint names is never removed.

export const MEDIA_GRACE_MS = 7 * 86_400_000;
export const MEDIA_GC_EVERY_MS = 3_600_000;

/** Removes unreferenced photos older than the grace period; returns how many went. */
export async function collectOrphanMedia(deps: ServiceDeps, graceMs = MEDIA_GRACE_MS): Promise<number> {
  const now = deps.now();
  // Yesterday's counters are still read for the day boundary; older ones are history.
  deps.store.pruneQuotas(dayOf(new Date(now.getTime() - 86_400_000)));
  const used = deps.store.referencedMedia();
  const names = await readdir(deps.mediaDir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (used.has(`/api/v1/media/${name}`)) continue;
    const full = join(deps.mediaDir, name);
    const info = await stat(full).catch(() => undefined);
    if (!info?.isFile() || now.getTime() - info.mtimeMs < graceMs) continue;
    await unlink(full).catch(() => {});
    removed++;
  }
  return removed;
}
