import { api } from '../api/app-client.ts';
import { unreadReplies } from '../app/unread.ts';
import { totalUnread } from '../db/complaints.ts';
import { nextAttemptAt, wakeWaiting } from '../db/outbox.ts';
import { registerBackgroundSync } from './background-sync.ts';
import { type FlushReport, flushOutbox } from './flush.ts';
import { pullReplies } from './refresh.ts';

// The page side of delivery: flush now, then wake up for the next scheduled retry, and hand the
// job to Background Sync so that it goes on after the tab is closed.

let timer: ReturnType<typeof setTimeout> | undefined;

let inflight: Promise<unknown> = Promise.resolve();

export function requestFlush(): Promise<FlushReport> {
  const run = (async () => {
    const report = await flushOutbox({ client: api() });
    await scheduleNext();
    return report;
  })();
  inflight = run.catch(() => undefined);
  return run;
}

/** Resolves once the latest flush (and its rescheduling) is over. */
export function flushSettled(): Promise<unknown> {
  return inflight;
}

async function scheduleNext(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  const at = await nextAttemptAt();
  if (at === undefined) return;
  void registerBackgroundSync();
  // Browsers clamp long timers; a minute-level check is enough, `online` and focus cover the rest.
  const wait = Math.min(Math.max(at - Date.now(), 250), 60_000);
  timer = setTimeout(() => void requestFlush(), wait);
}

/** Stops the pending retry timer (the page is going away, or a test is over). */
export function cancelScheduledFlush(): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
}

export async function refreshUnread(): Promise<void> {
  unreadReplies.value = await totalUnread();
}

/**
 * Pulls replies (after sending what waits, so a just-sent complaint is included). `wake`: the app
 * has a reason to think the network may be back (start, `online`, focus), so what waits in the
 * outbox goes now rather than at its scheduled retry; `reconnected` also forgets the backoff that
 * network failures climbed.
 */
export async function syncNow(opts: { wake?: boolean; reconnected?: boolean } = {}): Promise<void> {
  if (opts.wake) await wakeWaiting(Date.now(), { resetBackoff: opts.reconnected }).catch(() => 0);
  await requestFlush().catch(() => undefined);
  unreadReplies.value = await pullReplies(api()).catch(() => totalUnread());
}
