import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../../api/client.ts';
import { checkGln as checkGlnRule } from '../../api/gln.ts';
import type { LocationComplaintCounts } from '../../api/index.ts';
import { earlyRecordShown, takeEarlyRecord } from './early-record.ts';
import { type PlaceLoad, resolvePlace } from './load-place.ts';
import { takePrefetchedPlace } from './prefetch.ts';

export type GlnCheck =
  | { ok: true; gln: string }
  | { ok: false; reason: 'shape'; gln: string }
  | { ok: false; reason: 'check-digit'; gln: string; expected: number; actual: number };

/** Checked before any request: a misread or forged plate needs no round trip to be refused. */
export function checkGln(raw: string): GlnCheck {
  // A link typed or pasted from Persian text may carry Persian digits or bidi marks.
  const check = checkGlnRule(raw, { typed: true });
  if (check.ok) return check;
  if (check.code === 'bad-gln') return { ok: false, reason: 'shape', gln: raw };
  return { ok: false, reason: 'check-digit', gln: check.gln, expected: check.expected, actual: check.actual };
}

export type PlaceState = { kind: 'loading' } | PlaceLoad;

export function usePlace(
  gln: string | null,
  ext: string | undefined,
  client: ApiClient,
  resolver?: ApiClient,
) {
  const [state, setState] = useState<PlaceState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (!gln) return;
    let live = true;
    setState({ kind: 'loading' });
    // From the scan to the shop's name on screen (tests/bench/scan-to-name.ts).
    performance.mark?.('place:open');
    // A shop page opened from a link has its record asked for by the shell already (early-record.ts).
    const fresh = () =>
      resolvePlace(gln, ext, {
        client,
        resolver,
        early: takeEarlyRecord,
        saveEarlyAfter: earlyRecordShown(),
      });
    // A plate just scanned has its load under way already (prefetch.ts), made with the default
    // clients: it stands when those are this page's too. A retry asks afresh.
    const prefetched = attempt === 0 ? takePrefetchedPlace(gln, ext) : undefined;
    // A prefetch whose code failed to load (the network dropped) is no answer: ask afresh.
    const load = prefetched
      ? prefetched.then((p) => (p.client === client && p.resolver === resolver ? p.load : fresh()), fresh)
      : fresh();
    load.then((result) => {
      performance.mark?.('place:record');
      if (live) setState(result);
    });
    return () => {
      live = false;
    };
  }, [gln, ext, client, resolver, attempt]);

  return { state, retry };
}

/** Public open-complaint counts: a nice-to-have, so any failure simply shows nothing. */
export function useComplaintCounts(gln: string | null, client: ApiClient): LocationComplaintCounts | null {
  const [counts, setCounts] = useState<LocationComplaintCounts | null>(null);
  useEffect(() => {
    if (!gln) return;
    let live = true;
    setCounts(null);
    client.complaintCounts(gln).then((r) => {
      if (live && r.status === 'ok') setCounts(r.data);
    });
    return () => {
      live = false;
    };
  }, [gln, client]);
  return counts;
}
