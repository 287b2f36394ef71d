import type { Complaint } from '../../../db/complaints.ts';

// One chip per complaint, in words (never colour alone). The tone only reinforces the words.

export type Chip = { key: string; tone: 'wait' | 'info' | 'ok' | 'danger' | 'done' };

export function chipOf(c: Complaint): Chip {
  if (c.status === 'draft') return { key: 'status.draft', tone: 'wait' };
  if (c.status === 'queued') return { key: 'status.queued', tone: 'wait' };
  if (c.status === 'failed') return { key: 'status.failed', tone: 'danger' };
  const sub = c.data.substatus;
  if (c.status === 'closed') {
    return sub && sub in OUTCOMES
      ? { key: `status.outcome.${sub}`, tone: 'done' }
      : { key: 'status.closed', tone: 'done' };
  }
  if (sub === 'hearing_scheduled') return { key: 'status.hearing_scheduled', tone: 'info' };
  if (c.data.notes.some((n) => n.author === 'union' && n.type === 'reply'))
    return { key: 'status.answered', tone: 'ok' };
  if (sub === 'under_review') return { key: 'status.under_review', tone: 'info' };
  return { key: 'status.received', tone: 'info' };
}

const OUTCOMES = {
  violation_found: true,
  no_violation: true,
  withdrawn: true,
  not_our_jurisdiction: true,
  duplicate: true,
};

/** Open complaints can be followed up or withdrawn; a closed one can be objected to once. */
export function actionsFor(c: Complaint): { followUp: boolean; object: boolean; withdraw: boolean } {
  const acked = Boolean(c.serverId);
  const open = acked && c.status === 'open';
  const closed = acked && c.status === 'closed';
  const objectable = closed && c.data.substatus !== 'withdrawn' && !c.data.escalated;
  return { followUp: open, object: objectable, withdraw: open };
}
