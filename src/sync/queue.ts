import type { ServiceRequestInput } from '../api/index.ts';
import { type Complaint, deleteComplaint, getComplaint, markRead, putComplaint } from '../db/complaints.ts';
import {
  enqueue,
  entriesFor,
  queueSubmission,
  removeEntry,
  retryNow,
  sendNowFor,
  settleRefusedAction,
  type UpdatePayload,
} from '../db/outbox.ts';
import { refreshUnread, requestFlush } from './scheduler.ts';

// What the pages ask of delivery. Each call writes to Dexie first and only then tries the
// network, so a closed tab or a dead network loses nothing.

export function newId(): string {
  return crypto.randomUUID();
}

/** Queues the complaint (its local id is the Idempotency-Key) and tries to send it at once. */
export async function submitComplaint(
  draft: Complaint,
  input: ServiceRequestInput,
  now = Date.now(),
): Promise<void> {
  const photos = draft.data.draft?.photos ?? [];
  const clips = draft.data.draft?.clips ?? [];
  const complaint: Complaint = {
    ...draft,
    status: 'queued',
    serviceCode: input.service_code,
    updatedAt: now,
    data: { ...draft.data, failure: undefined },
  };
  await queueSubmission(complaint, {
    id: draft.id,
    kind: 'create',
    payload: { complaintId: draft.id, input, photos, ...(clips.length ? { clips } : {}) },
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  });
  void requestFlush().catch(() => undefined);
}

/** A follow-up, objection or withdrawal; queued under its own key like any submission. */
export async function queueAction(
  complaintId: string,
  action: UpdatePayload['action'],
  description?: string,
  now = Date.now(),
): Promise<void> {
  await enqueue({
    id: newId(),
    kind: 'update',
    payload: { complaintId, action, ...(description ? { description } : {}) },
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  });
  await requestFlush().catch(() => undefined);
}

/** After a permanent failure: send the same thing again (the reporter fixed the cause elsewhere). */
export async function retrySubmission(complaintId: string, now = Date.now()): Promise<void> {
  // The complaint first, then the entries: once an entry is due another tab or the service
  // worker may deliver it, and this write must not land on top of that delivery.
  const c = await getComplaint(complaintId);
  if (c)
    await putComplaint({
      ...c,
      status: c.serverId ? c.status : 'queued',
      data: { ...c.data, failure: undefined },
    });
  for (const e of await entriesFor(complaintId)) await retryNow(e.id, now);
  await requestFlush().catch(() => undefined);
}

/** "Send now": the reporter will not wait for the next scheduled try of a waiting complaint or action. */
export async function sendNow(complaintId: string, now = Date.now()): Promise<void> {
  await sendNowFor(complaintId, now);
  await requestFlush().catch(() => undefined);
}

/**
 * Back to the form: the edited complaint is a new submission, so it gets a new id (reusing the
 * old key with a different body is exactly what the server's idempotency check refuses).
 */
export async function reopenAsDraft(complaintId: string, now = Date.now()): Promise<string | undefined> {
  const c = await getComplaint(complaintId);
  if (!c || c.serverId) return undefined;
  const id = newId();
  await putComplaint({ ...c, id, status: 'draft', updatedAt: now, data: { ...c.data, failure: undefined } });
  await discardSubmission(complaintId);
  return id;
}

/** Drops an unsent complaint and everything queued for it. */
export async function discardSubmission(complaintId: string): Promise<void> {
  for (const e of await entriesFor(complaintId)) await removeEntry(e.id);
  await deleteComplaint(complaintId);
}

/** A follow-up, objection or withdrawal the service refused: send it again as it was. */
export async function retryAction(entryId: string, now = Date.now()): Promise<void> {
  await settleRefusedAction(entryId, 'retry', now);
  await requestFlush().catch(() => undefined);
}

/** Drops a refused follow-up, objection or withdrawal; the complaint itself stays as it is. */
export async function discardAction(entryId: string): Promise<void> {
  await settleRefusedAction(entryId, 'drop', Date.now());
}

export async function markRepliesRead(complaintId: string): Promise<void> {
  await markRead(complaintId);
  await refreshUnread();
}
