import type { ApiErrorItem, ServiceRequestInput } from '../api/index.ts';
import type { Complaint } from './complaints.ts';
import { db, type OutboxEntry } from './database.ts';

// Submissions not yet acknowledged by the service. An entry is written before any network call
// and deleted only once the service has acknowledged it; its id is the Idempotency-Key, so a
// retry after a lost answer lands once. No DOM here: the service worker flushes it too.

/** A new complaint: the photos travel as Blobs and are uploaded just before the request. */
export type CreatePayload = {
  complaintId: string;
  input: ServiceRequestInput;
  photos: Blob[];
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

/** Entries whose next attempt is due, oldest first (a follow-up never overtakes its complaint). */
export async function dueEntries(now: number): Promise<OutboxItem[]> {
  const due = (await table().where('nextAttemptAt').belowOrEqual(now).toArray()) as OutboxItem[];
  return due.sort((a, b) => a.createdAt - b.createdAt);
}

export async function allEntries(): Promise<OutboxItem[]> {
  return (await table().toArray()) as OutboxItem[];
}

/** The soonest scheduled retry, for a page-side timer; undefined when nothing waits. */
export async function nextAttemptAt(): Promise<number | undefined> {
  const first = await table().orderBy('nextAttemptAt').first();
  return first && Number.isFinite(first.nextAttemptAt) ? first.nextAttemptAt : undefined;
}

export async function scheduleRetry(id: string, nextAt: number, lastError: string): Promise<void> {
  await table()
    .where('id')
    .equals(id)
    .modify((e) => {
      e.attempts += 1;
      e.nextAttemptAt = nextAt;
      e.lastError = lastError;
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
