import type { Trust, TrustSummary } from '../../api/index.ts';
import type { Store } from '../store/types.ts';
import { computeTrust, trustWindows } from './formula.ts';

// The badge of one shop (with its reasons, for the record) or of a page of shops (the summary,
// for lists). Facts are read from the primary: outcomes, stages and readings are written there
// and a replica's lag would show a shop's badge before its seal.

type TrustStore = Pick<Store, 'trustFacts'>;

export async function trustOf(store: TrustStore, gln: string, now: Date): Promise<Trust | undefined> {
  const [facts] = await store.trustFacts([gln], trustWindows(now));
  return facts && computeTrust(facts, now);
}

/** Every known GLN's summary, in one query however many are asked. */
export async function trustSummaries(
  store: TrustStore,
  glns: string[],
  now: Date,
): Promise<Map<string, TrustSummary>> {
  const out = new Map<string, TrustSummary>();
  if (glns.length === 0) return out;
  for (const facts of await store.trustFacts(glns, trustWindows(now))) {
    const { level, score } = computeTrust(facts, now);
    out.set(facts.gln, { level, score });
  }
  return out;
}

/** Said of a shop the registry no longer finds (removed between two queries): nothing to judge. */
export const UNRATED: TrustSummary = { level: 'unrated', score: 0 };
