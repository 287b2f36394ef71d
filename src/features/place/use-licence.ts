import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiClient, Failure } from '../../api/client.ts';
import type { LicenceRecord } from '../../api/index.ts';

export type LicenceState =
  | { kind: 'loading' }
  | { kind: 'loaded'; licence: LicenceRecord }
  | { kind: 'failed'; failure: Failure };

/** A licence page is looked up from the network only: it is reached from a shop page, rarely offline. */
export function useLicence(id: string, client: ApiClient) {
  const [state, setState] = useState<LicenceState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    client.getLicence(id).then((r) => {
      if (!live) return;
      setState(r.status === 'ok' ? { kind: 'loaded', licence: r.data } : { kind: 'failed', failure: r });
    });
    return () => {
      live = false;
    };
  }, [id, client, attempt]);

  return { state, retry };
}
