import { describe, expect, it } from 'vitest';
import type { Note } from '../../../../src/api/index.ts';
import { type Complaint, withRemote } from '../../../../src/db/complaints.ts';
import { actionsFor, chipOf } from '../../../../src/features/complaints/tracking/status.ts';
import { draftComplaint, remote } from '../../sync/fixtures.ts';

const acked = (over: Partial<Complaint> = {}, data: Partial<Complaint['data']> = {}): Complaint => {
  const c = draftComplaint('c', { status: 'open', serverId: 'KBF-1', token: 't', ...over });
  return { ...c, data: { ...c.data, draft: undefined, substatus: 'received', ...data } };
};
const reply: Note = {
  type: 'reply',
  datetime: '2026-11-26T10:00:00+03:30',
  author: 'union',
  text: 'بررسی شد',
};

describe('status chip', () => {
  it('names each state in words', () => {
    expect(chipOf(draftComplaint('a', { status: 'queued' })).key).toBe('complaints:status.queued');
    expect(chipOf(draftComplaint('a', { status: 'failed' })).key).toBe('complaints:status.failed');
    expect(chipOf(acked()).key).toBe('lifecycle:substatus.received');
    expect(chipOf(acked({}, { substatus: 'under_review' })).key).toBe('lifecycle:substatus.under_review');
    expect(chipOf(acked({}, { notes: [reply] })).key).toBe('complaints:status.answered');
    expect(chipOf(acked({ status: 'closed' }, { substatus: 'no_violation' })).key).toBe(
      'lifecycle:outcome.no_violation',
    );
  });
});

describe('reporter actions', () => {
  it('follow up and withdraw while open; object once closed, not after withdrawing', () => {
    expect(actionsFor(acked())).toEqual({ followUp: true, object: false, withdraw: true });
    expect(actionsFor(acked({ status: 'closed' }, { substatus: 'no_violation' }))).toEqual({
      followUp: false,
      object: true,
      withdraw: false,
    });
    expect(actionsFor(acked({ status: 'closed' }, { substatus: 'withdrawn' })).object).toBe(false);
    expect(actionsFor(draftComplaint('q', { status: 'queued' })).followUp).toBe(false);
  });
});

describe('unread replies', () => {
  it('counts a reply that also changes the status as one', () => {
    const change: Note = { ...reply, type: 'status_change', substatus: 'under_review', text: '' };
    const merged = withRemote(acked(), remote({ notes: [...remote().notes, reply, change] }), 5);
    expect(merged.unread).toBe(1);
    const closing: Note = { ...change, datetime: '2026-11-30T10:00:00+03:30', substatus: 'no_violation' };
    expect(
      withRemote(acked(), remote({ notes: [...remote().notes, reply, change, closing] }), 5).unread,
    ).toBe(2);
  });

  it("counts the county chamber's answers as news too, once an objection sent the complaint up", () => {
    const chamber: Note = { ...reply, author: 'chamber', datetime: '2026-11-28T10:00:00+03:30' };
    const merged = withRemote(acked(), remote({ notes: [...remote().notes, reply, chamber] }), 5);
    expect(merged.unread).toBe(2);
    expect(chipOf(acked({}, { notes: [chamber] })).key).toBe('complaints:status.answered');
  });

  it('counts union notes the reporter has not seen', () => {
    const c = acked();
    const merged = withRemote(c, remote({ notes: [...remote().notes, reply, reply] }), 5);
    expect(merged.unread).toBe(2);
    const seen = { ...merged, data: { ...merged.data, seenUnionNotes: 2 } };
    expect(withRemote(seen, remote({ notes: [...remote().notes, reply, reply] }), 6).unread).toBe(0);
  });
});
