import { OUTBOX_SYNC_TAG } from './sync-tag.ts';

// Background Sync (Chromium): the browser wakes the service worker with a `sync` event tagged
// 'outbox' once it has connectivity, even if every tab is closed. Elsewhere the page-side
// triggers in start.ts carry the load alone.

type SyncRegistration = ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } };

export async function registerBackgroundSync(): Promise<boolean> {
  try {
    if (!('serviceWorker' in navigator)) return false;
    const reg = (await Promise.race([
      navigator.serviceWorker.ready,
      new Promise<undefined>((r) => setTimeout(() => r(undefined), 3000)),
    ])) as SyncRegistration | undefined;
    if (!reg?.sync) return false;
    await reg.sync.register(OUTBOX_SYNC_TAG);
    return true;
  } catch {
    // Permission denied or unsupported: the page-side triggers still deliver.
    return false;
  }
}
