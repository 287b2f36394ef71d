import type { ApiClient, Failure } from '../api/client.ts';
import { getComplaint, putComplaint, withCreated, withRemote } from '../db/complaints.ts';
import { db } from '../db/database.ts';
import { dueEntries, NEVER, type OutboxItem, scheduleRetry } from '../db/outbox.ts';
import { retryDelay } from './backoff.ts';
import { describe, verdictOf } from './classify.ts';
import { deliverCreate, deliverUpdate } from './deliver.ts';
import { withExclusiveLock } from './lock.ts';

// `outbox.flush`: sends every due entry once. It runs in the page (start, online, focus) and in
// the service worker (Background Sync), so it touches no DOM and no signals.

export type FlushDeps = {
  client: ApiClient;
  now?: () => number;
  random?: () => number;
};

export type FlushReport = { sent: number; retrying: number; failed: number; skipped: boolean };

export async function flushOutbox(deps: FlushDeps): Promise<FlushReport> {
  const report = await withExclusiveLock('outbox', () => flushDue(deps));
  return report ?? { sent: 0, retrying: 0, failed: 0, skipped: true };
}

async function flushDue(deps: FlushDeps): Promise<FlushReport> {
  const now = deps.now ?? Date.now;
  const report: FlushReport = { sent: 0, retrying: 0, failed: 0, skipped: false };
  for (const entry of await dueEntries(now())) {
    const outcome = await flushOne(deps, entry, now);
    report[outcome] += 1;
    // The network is gone: the rest would fail the same way; their turn comes on `online`.
    if (outcome === 'retrying' && !(globalThis.navigator?.onLine ?? true)) break;
  }
  return report;
}

type Outcome = 'sent' | 'retrying' | 'failed';

async function flushOne(deps: FlushDeps, entry: OutboxItem, now: () => number): Promise<Outcome> {
  if (entry.kind === 'create') {
    const res = await deliverCreate(deps.client, entry.id, entry.payload);
    if (res.status !== 'ok') return onFailure(deps, entry, res, now);
    await db().transaction('rw', db().complaints, db().outbox, async () => {
      const c = await getComplaint(entry.payload.complaintId);
      if (c) await putComplaint(withCreated(c, res.data, res.mediaUrls ?? [], now()));
      await db().outbox.delete(entry.id);
    });
    return 'sent';
  }
  const c = await getComplaint(entry.payload.complaintId);
  if (!c) {
    // The complaint was discarded: nothing left to follow up.
    await db().outbox.delete(entry.id);
    return 'sent';
  }
  if (!c.serverId || !c.token) {
    // Its complaint is not acknowledged yet; try again right after it is.
    await scheduleRetry(entry.id, now() + retryDelay(1, deps.random), '');
    return 'retrying';
  }
  const res = await deliverUpdate(deps.client, entry.id, entry.payload, c.serverId, c.token);
  if (res.status !== 'ok') return onFailure(deps, entry, res, now);
  await db().transaction('rw', db().complaints, db().outbox, async () => {
    const fresh = await getComplaint(c.id);
    if (fresh) await putComplaint(withRemote(fresh, res.data.request, now()));
    await db().outbox.delete(entry.id);
  });
  return 'sent';
}

async function onFailure(
  deps: FlushDeps,
  entry: OutboxItem,
  f: Failure,
  now: () => number,
): Promise<Outcome> {
  if (verdictOf(f) === 'retry') {
    await scheduleRetry(
      entry.id,
      now() + retryDelay(entry.attempts + 1, deps.random, f.retryAfter),
      describe(f),
    );
    return 'retrying';
  }
  // Permanent: kept (nothing is deleted unacknowledged), never due again until the reporter acts.
  await db().transaction('rw', db().complaints, db().outbox, async () => {
    await db()
      .outbox.where('id')
      .equals(entry.id)
      .modify((e) => {
        e.attempts += 1;
        e.nextAttemptAt = NEVER;
        e.lastError = describe(f);
        (e.payload as { failure?: unknown }).failure = f.errors;
      });
    const c = await getComplaint(entry.payload.complaintId);
    if (c && entry.kind === 'create') {
      await putComplaint({
        ...c,
        status: 'failed',
        updatedAt: now(),
        data: { ...c.data, failure: f.errors },
      });
    } else if (c) {
      await putComplaint({ ...c, data: { ...c.data, failure: f.errors } });
    }
  });
  return 'failed';
}
