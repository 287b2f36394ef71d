import { useEffect } from 'preact/hooks';
import { syncNow } from '../../sync/scheduler.ts';
import { startSync } from '../../sync/start.ts';

// The shell starts delivery after first paint; a complaint page opened directly (a deep link, a
// notification) makes sure it is running too. startSync is idempotent.
export function useSyncStarted(): void {
  useEffect(() => {
    startSync();
  }, []);
}

/** For the list of complaints: fresh replies on opening, without a second pull when opening it started delivery. */
export function useFreshReplies(): void {
  useEffect(() => {
    if (!startSync()) void syncNow();
  }, []);
}
