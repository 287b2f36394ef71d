import { liveQuery } from 'dexie';
import { type Complaint, getComplaint } from './complaints.ts';
import { entriesFor, type OutboxItem } from './outbox.ts';

// A complaint as this phone holds it: its row, what of it still waits in the outbox, and its
// unread replies, read together. Pages read it through one live query, so a follow-up queued
// offline (which writes only the outbox, not the row) shows at once, as does a delivery made by
// another tab or the service worker.

export type ComplaintOnPhone = {
  complaint: Complaint;
  /** The complaint's own submission while the service has not acknowledged it. */
  creating?: OutboxItem;
  /** Follow-ups, objections and withdrawals that will send themselves. */
  waitingActions: OutboxItem[];
  /** Those the service refused: they wait for the reporter to retry or drop them. */
  refusedActions: OutboxItem[];
  /** Union replies the reporter has not seen. */
  unread: number;
};

export async function readComplaintOnPhone(id: string): Promise<ComplaintOnPhone | undefined> {
  const complaint = await getComplaint(id);
  if (!complaint) return undefined;
  const entries = await entriesFor(id);
  const actions = entries.filter((e) => e.kind === 'update');
  return {
    complaint,
    creating: entries.find((e) => e.kind === 'create'),
    waitingActions: actions.filter((e) => !e.payload.failure),
    refusedActions: actions.filter((e) => e.payload.failure),
    unread: complaint.unread,
  };
}

/** Live: called again whenever the row or any outbox entry changes, in any tab or the worker. */
export function watchComplaintOnPhone(
  id: string,
  onChange: (c: ComplaintOnPhone | undefined) => void,
): () => void {
  const sub = liveQuery(() => readComplaintOnPhone(id)).subscribe({ next: onChange, error: () => {} });
  return () => sub.unsubscribe();
}
