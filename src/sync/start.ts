import { refreshUnread, syncNow } from './scheduler.ts';

// Loaded by the shell after first paint (a dynamic import keeps Dexie out of the first bundle).
// Delivery and replies are re-tried whenever the app has a reason to believe things changed:
// start, `online` (a hint, not a promise), focus and the tab becoming visible; each of them sends
// what waits in the outbox at once instead of at its scheduled retry.

let started = false;
let last = 0;
const MIN_GAP_MS = 5_000;

/** Starts delivery and reply checks (a first sync included); false if they were already running. */
export function startSync(): boolean {
  if (started) return false;
  started = true;
  last = Date.now();
  void refreshUnread();
  void syncNow({ wake: true });
  const onWake = (reconnected = false) => {
    // Focus and visibility fire together; one sync is enough.
    if (!reconnected && Date.now() - last < MIN_GAP_MS) return;
    last = Date.now();
    void syncNow({ wake: true, reconnected });
  };
  window.addEventListener('online', () => onWake(true));
  window.addEventListener('focus', () => onWake());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') onWake();
  });
  return true;
}
