import type { ApiClient, Failure } from '../api/client.ts';
import { failureKind, isTransient, serviceWords } from '../api/failure.ts';
import { getComplaint, withCreated, withRemote } from '../db/complaints.ts';
import {
  dueEntries,
  markDelivered,
  markRefused,
  type OutboxItem,
  removeEntry,
  scheduleRetry,
} from '../db/outbox.ts';
import { BACKOFF_BASE_MS, retryDelay } from './backoff.ts';
import { deliverCreate, deliverUpdate } from './deliver.ts';
import { type Lease, withExclusiveLock } from './lock.ts';

// `outbox.flush`: sends every due entry once. It runs in the page (start, online, focus) and in
// the service worker (Background Sync), so it touches no DOM and no signals.

export type FlushDeps = {
  client: ApiClient;
  now?: () => number;
  random?: () => number;
  /** How long one entry may hold the outbox (tests shorten it). */
  leaseMs?: number;
};

export type FlushReport = { sent: number; retrying: number; failed: number; skipped: boolean };

export async function flushOutbox(deps: FlushDeps): Promise<FlushReport> {
  const report = await withExclusiveLock('outbox', (lease) => flushDue(deps, lease), deps.leaseMs);
  return report ?? { sent: 0, retrying: 0, failed: 0, skipped: true };
}

/** The browser says there is no network at all (a hint: `true` proves nothing, `false` does). */
const offline = () => globalThis.navigator?.onLine === false;

async function flushDue(deps: FlushDeps, lease: Lease): Promise<FlushReport> {
  const now = deps.now ?? Date.now;
  const report: FlushReport = { sent: 0, retrying: 0, failed: 0, skipped: false };
  for (const entry of await dueEntries(now())) {
    if (lease.signal.aborted) break;
    lease.renew();
    const outcome = await flushOne(deps, entry, now, lease.signal);
    report[outcome] += 1;
    // The network is gone: the rest would fail the same way; their turn comes on `online`.
    if (outcome === 'retrying' && offline()) break;
  }
  return report;
}

type Outcome = 'sent' | 'retrying' | 'failed';

async function flushOne(
  deps: FlushDeps,
  entry: OutboxItem,
  now: () => number,
  signal: AbortSignal,
): Promise<Outcome> {
  const id = entry.payload.complaintId;
  if (entry.kind === 'create') {
    const res = await deliverCreate(deps.client, entry.id, entry.payload, signal);
    if (res.status !== 'ok') return onFailure(deps, entry, res, now);
    await markDelivered(entry.id, id, (c) => withCreated(c, res.data, res.mediaUrls ?? [], now()));
    return 'sent';
  }
  const c = await getComplaint(id);
  if (!c) {
    // The complaint was discarded: nothing left to follow up.
    await removeEntry(entry.id);
    return 'sent';
  }
  if (!c.serverId || !c.token) {
    // Its complaint is not acknowledged yet; try again right after it is.
    await scheduleRetry(entry.id, {
      nextAt: now() + retryDelay(1, deps.random),
      lastError: '',
      lastFailure: 'waiting',
      counts: true,
    });
    return 'retrying';
  }
  const res = await deliverUpdate(deps.client, entry.id, entry.payload, c.serverId, c.token, signal);
  if (res.status !== 'ok') return onFailure(deps, entry, res, now);
  await markDelivered(entry.id, id, (fresh) => withRemote(fresh, res.data.request, now()));
  return 'sent';
}

async function onFailure(
  deps: FlushDeps,
  entry: OutboxItem,
  f: Failure,
  now: () => number,
): Promise<Outcome> {
  const kind = failureKind(f);
  const lastError = describe(f);
  if (isTransient(kind)) {
    // A try made with no network says nothing about the service: it does not climb the backoff,
    // and `online` will send the entry the moment the network is back.
    const counts = !(kind === 'offline' && offline());
    const wait = counts ? retryDelay(entry.attempts + 1, deps.random, f.retryAfter) : BACKOFF_BASE_MS;
    await scheduleRetry(entry.id, {
      nextAt: now() + wait,
      lastError,
      lastFailure: kind,
      counts,
      ...(f.retryAfter ? { notBefore: now() + f.retryAfter * 1000 } : {}),
    });
    return 'retrying';
  }
  await markRefused(entry, { errors: f.errors, lastError, lastFailure: kind }, now());
  return 'failed';
}

/**
 * `lastError`: the service's own words, when it answered with some; empty when there was no
 * usable answer (the app then explains the failure by its kind, in the reporter's language).
 */
function describe(f: Failure): string {
  return serviceWords(f) ?? '';
}
