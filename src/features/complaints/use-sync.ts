import { useEffect } from 'preact/hooks';
import { startSync } from '../../sync/start.ts';

// The shell starts delivery after first paint; a complaint page opened directly (a deep link, a
// notification) makes sure it is running too. startSync is idempotent.
export function useSyncStarted(): void {
  useEffect(() => startSync(), []);
}
