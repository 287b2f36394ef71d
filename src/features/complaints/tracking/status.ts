import { isFromAnsweringBody, isObjectionable, isOpen, isOutcome, outcomeKey } from '../../../api/index.ts';
import type { Complaint } from '../../../db/complaints.ts';

// One chip per complaint, in words (never colour alone). The tone only reinforces the words.
// Which states are open or final is the lifecycle's (src/api/lifecycle.ts); the phone adds its own
// states (draft, waiting to send, refused) and "answered" once the union has replied.

export type Chip = { key: string; tone: 'wait' | 'info' | 'ok' | 'danger' | 'done' };

export function chipOf(c: Complaint): Chip {
  if (c.status === 'draft') return { key: 'complaints:status.draft', tone: 'wait' };
  if (c.status === 'queued') return { key: 'complaints:status.queued', tone: 'wait' };
  if (c.status === 'failed') return { key: 'complaints:status.failed', tone: 'danger' };
  const sub = c.data.substatus;
  if (c.status === 'closed') {
    return sub && isOutcome(sub)
      ? { key: outcomeKey(sub), tone: 'done' }
      : { key: 'complaints:status.closed', tone: 'done' };
  }
  if (sub === 'hearing_scheduled') return { key: 'lifecycle:substatus.hearing_scheduled', tone: 'info' };
  if (c.data.notes.some((n) => isFromAnsweringBody(n) && n.type === 'reply'))
    return { key: 'complaints:status.answered', tone: 'ok' };
  if (sub === 'under_review') return { key: 'lifecycle:substatus.under_review', tone: 'info' };
  return { key: 'lifecycle:substatus.received', tone: 'info' };
}

/** Open complaints can be followed up or withdrawn; a closing decision can be objected to once. */
export function actionsFor(c: Complaint): { followUp: boolean; object: boolean; withdraw: boolean } {
  const acked = Boolean(c.serverId);
  const sub = c.data.substatus;
  const open = acked && c.status === 'open' && (!sub || isOpen(sub));
  const objectable =
    acked && c.status === 'closed' && Boolean(sub && isObjectionable(sub)) && !c.data.escalated;
  return { followUp: open, object: objectable, withdraw: open };
}
