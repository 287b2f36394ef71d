import type { ApiErrorItem, ServiceRequestInput } from '../api/index.ts';
import { type Complaint, getComplaint, putComplaint } from './complaints.ts';
import { db, type OutboxEntry } from './database.ts';

// Submissions not yet acknowledged by the service. An entry is written before any network call
// and deleted only once the service has acknowledged it; its id is the Idempotency-Key, so a
// retry after a lost answer lands once. No DOM here: the service worker flushes it too.

/** A new complaint: the photos travel as Blobs and are uploaded just before the request. */
export type CreatePayload = {
  complaintId: string;
  input: ServiceRequestInput;
  photos: Blob[];
  /** Voice notes and videos, uploaded after the photos (absent in entries from before them). */
  clips?: Blob[];
  /** Set on a permanent refusal (a 4xx): the entry waits for the reporter to edit, retry or discard. */
  failure?: ApiErrorItem[];
};

/** A follow-up, objection or withdrawal on an acknowledged complaint. */
export type UpdatePayload = {
  complaintId: string;
  action: 'follow_up' | 'objection' | 'withdraw';
  description?: string;
  failure?: ApiErrorItem[];
};

export type OutboxItem =
  | (Omit<OutboxEntry, 'kind' | 'payload'> & { kind: 'create'; payload: CreatePayload })
  | (Omit<OutboxEntry, 'kind' | 'payload'> & { kind: 'update'; payload: UpdatePayload });

/** Far future: a permanently failed entry is never due until the reporter retries it. */
export const NEVER = Number.POSITIVE_INFINITY;

const table = () => db().outbox;

/** Writes the complaint and its outbox entry in one transaction: either both exist or neither. */
export async function queueSubmission(complaint: Complaint, entry: OutboxItem): Promise<void> {
  await db().transaction('rw', db().complaints, db().outbox, async () => {
    await db().complaints.put(complaint);
    await table().put(entry);
  });
}

export async function enqueue(entry: OutboxItem): Promise<void> {
  await table().put(entry);
}

export async function getEntry(id: string): Promise<OutboxItem | undefined> {
  return (await table().get(id)) as OutboxItem | undefined;
}

/**
 * Entries whose next attempt is due, oldest first. One complaint's entries go in the order they
 * were made: one still waiting for its retry holds back the younger ones of the same complaint
 * (a follow-up never overtakes its complaint, nor an earlier follow-up). A refused entry holds
 * back nothing; it waits for the reporter.
 */
export async function dueEntries(now: number): Promise<OutboxItem[]> {
  const all = ((await table().toArray()) as OutboxItem[]).sort((a, b) => a.createdAt - b.createdAt);
  const held = new Set<string>();
  const due: OutboxItem[] = [];
  for (const e of all) {
    const id = e.payload.complaintId;
    if (e.nextAttemptAt <= now && !held.has(id)) due.push(e);
    else if (Number.isFinite(e.nextAttemptAt)) held.add(id);
  }
  return due;
}

export async function allEntries(): Promise<OutboxItem[]> {
  return (await table().toArray()) as OutboxItem[];
}

/** The soonest scheduled retry, for a page-side timer; undefined when nothing waits. */
export async function nextAttemptAt(): Promise<number | undefined> {
  const first = await table().orderBy('nextAttemptAt').first();
  return first && Number.isFinite(first.nextAttemptAt) ? first.nextAttemptAt : undefined;
}

export type RetryPlan = {
  nextAt: number;
  lastError: string;
  lastFailure: string;
  /** False for a try made with no network: it says nothing about the service, so no backoff step. */
  counts: boolean;
  notBefore?: number;
};

export async function scheduleRetry(id: string, plan: RetryPlan): Promise<void> {
  await table()
    .where('id')
    .equals(id)
    .modify((e) => {
      if (plan.counts) e.attempts += 1;
      if (plan.counts) delete e.waitsForNetwork;
      else e.waitsForNetwork = true;
      e.nextAttemptAt = plan.nextAt;
      e.lastError = plan.lastError;
      e.lastFailure = plan.lastFailure;
      if (plan.notBefore) e.notBefore = plan.notBefore;
      else delete e.notBefore;
    });
}

/** Entries still to be sent on their own (not refused): what "waiting to send" counts. */
export async function waitingCount(): Promise<number> {
  return table().where('nextAttemptAt').below(NEVER).count();
}

/**
 * The app has a reason to believe the network is back (`online`, start, focus): every waiting
 * entry is due now, except where the service itself asked for a pause (Retry-After). On
 * reconnection (`resetBackoff`) the failures that were about the network stop counting too, so
 * that one more lost try waits seconds, not the hour the outage had climbed to.
 * `onlyNetworkWaits`: only the entries whose last try found no network at all (Background Sync,
 * which the browser also fires right after a page registers it: waking the rest there would
 * retry a failing service twice per backoff step).
 */
export async function wakeWaiting(
  now: number,
  opts: { resetBackoff?: boolean; onlyNetworkWaits?: boolean } = {},
): Promise<number> {
  return table()
    .where('nextAttemptAt')
    .between(now, NEVER, false, false)
    .modify((e) => {
      if ((e.notBefore ?? 0) > now) return;
      if (opts.onlyNetworkWaits && !e.waitsForNetwork) return;
      e.nextAttemptAt = now;
      if (opts.resetBackoff && (e.lastFailure === 'offline' || e.lastFailure === 'timeout')) e.attempts = 0;
    });
}

/** The reporter asked to send this complaint's waiting entries now: due at once, backoff forgotten. */
export async function sendNowFor(complaintId: string, now: number): Promise<void> {
  for (const e of await entriesFor(complaintId)) {
    if (!Number.isFinite(e.nextAttemptAt)) continue;
    await table().update(e.id, { nextAttemptAt: now, attempts: 0 });
  }
}

/**
 * The service acknowledged an entry: the complaint takes the service's view (`apply`) and the
 * entry goes, in one transaction, so neither is ever seen without the other.
 */
export async function markDelivered(
  entryId: string,
  complaintId: string,
  apply: (c: Complaint) => Complaint,
): Promise<void> {
  await db().transaction('rw', db().complaints, table(), async () => {
    const c = await getComplaint(complaintId);
    if (c) await putComplaint(apply(c));
    await table().delete(entryId);
  });
}

/**
 * The service refused an entry for good: it is kept (nothing is deleted unacknowledged) and is
 * never due again until the reporter acts; the complaint carries the refusal for its page.
 */
export async function markRefused(
  entry: OutboxItem,
  why: { errors: ApiErrorItem[]; lastError: string; lastFailure: string },
  now: number,
): Promise<void> {
  const { errors } = why;
  await db().transaction('rw', db().complaints, table(), async () => {
    await table()
      .where('id')
      .equals(entry.id)
      .modify((e) => {
        e.attempts += 1;
        e.nextAttemptAt = NEVER;
        e.lastError = why.lastError;
        e.lastFailure = why.lastFailure;
        (e.payload as { failure?: unknown }).failure = errors;
      });
    const c = await getComplaint(entry.payload.complaintId);
    if (c && entry.kind === 'create') {
      await putComplaint({ ...c, status: 'failed', updatedAt: now, data: { ...c.data, failure: errors } });
    } else if (c) {
      await putComplaint({ ...c, data: { ...c.data, failure: errors } });
    }
  });
}

export async function removeEntry(id: string): Promise<void> {
  await table().delete(id);
}

/** The reporter asked to try again now (after an edit or a permanent failure). */
export async function retryNow(id: string, now: number): Promise<void> {
  await table()
    .where('id')
    .equals(id)
    .modify((e) => {
      e.nextAttemptAt = now;
      delete (e.payload as { failure?: unknown }).failure;
    });
}

/** Outbox entries that belong to a complaint (its creation and any queued actions). */
export async function entriesFor(complaintId: string): Promise<OutboxItem[]> {
  const all = await allEntries();
  return all.filter((e) => e.payload.complaintId === complaintId);
}

/**
 * The reporter acted on a refused follow-up, objection or withdrawal: drop it, or send it again
 * (due now, its refusal forgotten). In the same transaction an acknowledged complaint's `failure`
 * comes to say what is still refused (nothing once none is left), so no page sees one without
 * the other.
 */
export async function settleRefusedAction(
  entryId: string,
  act: 'drop' | 'retry',
  now: number,
): Promise<void> {
  await db().transaction('rw', db().complaints, table(), async () => {
    const e = await getEntry(entryId);
    if (e?.kind !== 'update') return;
    if (act === 'drop') await removeEntry(entryId);
    else await retryNow(entryId, now);
    const c = await getComplaint(e.payload.complaintId);
    if (!c?.serverId) return;
    const refused = (await entriesFor(c.id)).filter((x) => x.payload.failure);
    await putComplaint({ ...c, data: { ...c.data, failure: refused.at(-1)?.payload.failure } });
  });
}
