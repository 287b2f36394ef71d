import { OUTBOX_SYNC_TAG } from './sync-tag.ts';

// Background Sync (Chromium): the browser wakes the service worker with a `sync` event tagged
// 'outbox' once it has connectivity, even if every tab is closed. Elsewhere the page-side
// triggers in start.ts carry the load alone.

type SyncRegistration = ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } };

export async function registerBackgroundSync(): Promise<boolean> {
  try {
    if (!('serviceWorker' in navigator)) return false;
    // No time limit: on a first visit the worker may still be precaching when the shopper files,
    // and a registration made once it is active still wakes it when the network returns. The
    // caller does not wait on this promise, so it costs nothing while pending.
    const reg = (await navigator.serviceWorker.ready) as SyncRegistration;
    if (!reg.sync) return false;
    await reg.sync.register(OUTBOX_SYNC_TAG);
    return true;
  } catch {
    // Permission denied or unsupported: the page-side triggers still deliver.
    return false;
  }
}
