import { apiClient } from './api.ts';
import { flushOutbox } from './flush.ts';
import { OUTBOX_SYNC_TAG } from './sync-tag.ts';

// The service worker's side of Background Sync: the same flush the page runs. Rejecting the
// waitUntil promise when something is still waiting tells the browser to fire the event again
// later, on its own (battery-aware) schedule.

type SyncEventLike = Event & { tag?: string; waitUntil(p: Promise<unknown>): void };

export function onBackgroundSync(event: Event): void {
  const e = event as SyncEventLike;
  if (e.tag !== OUTBOX_SYNC_TAG) return;
  e.waitUntil(
    flushOutbox({ client: apiClient() }).then((report) => {
      if (report.retrying > 0) throw new Error('outbox: entries still waiting');
    }),
  );
}
