import { api } from '../api/app-client.ts';
import { waitingCount, wakeWaiting } from '../db/outbox.ts';
import { flushOutbox } from './flush.ts';
import { OUTBOX_SYNC_TAG } from './sync-tag.ts';

// The service worker's side of Background Sync: the same flush the page runs. The browser fires
// the event when it sees connectivity, so what waited for a network goes now, as on the page's
// `online`; what backs off from a failing service keeps its schedule (the browser also fires the
// event right after a page registers it, which says nothing about the service). The promise given to waitUntil resolves only when nothing waits any more;
// otherwise (entries still waiting, or the flush skipped because another context holds the
// outbox) it rejects, which tells the browser to fire the event again later, on its own
// (battery-aware) schedule. Reporting success with nothing sent would end that.

type SyncEventLike = Event & { tag?: string; waitUntil(p: Promise<unknown>): void };

export function onBackgroundSync(event: Event): void {
  const e = event as SyncEventLike;
  if (e.tag !== OUTBOX_SYNC_TAG) return;
  e.waitUntil(syncOutbox());
}

export async function syncOutbox(now = Date.now): Promise<void> {
  await wakeWaiting(now(), { onlyNetworkWaits: true });
  const report = await flushOutbox({ client: api(), now });
  if (report.skipped) throw new Error('outbox: held elsewhere, nothing sent here');
  const waiting = await waitingCount();
  if (waiting > 0) throw new Error(`outbox: ${waiting} still waiting`);
}
