import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getComplaint, putComplaint } from '../../../src/db/complaints.ts';
import { KalaDb, useDb } from '../../../src/db/database.ts';
import { allEntries, enqueue, NEVER } from '../../../src/db/outbox.ts';
import { draftComplaint, GLN } from './fixtures.ts';

// Delivery itself is tested in flush.test.ts; here only what the pages ask of the outbox.
vi.mock('../../../src/sync/scheduler.ts', () => ({
  requestFlush: vi.fn(async () => ({ sent: 0, retrying: 0, failed: 0, skipped: false })),
  refreshUnread: vi.fn(async () => {}),
}));
const { discardSubmission, reopenAsDraft, submitComplaint } = await import('../../../src/sync/queue.ts');

let n = 0;
beforeEach(() => useDb(new KalaDb(`queue-${++n}`)));

describe('queueing a complaint', () => {
  it('writes the complaint and its outbox entry, keyed by the local id, before any network call', async () => {
    const photo = new Blob([new Uint8Array([0xff, 0xd8])], { type: 'image/jpeg' });
    const draft = draftComplaint('c1');
    draft.data.draft!.photos = [photo];
    await submitComplaint(draft, { service_code: 'overpricing', address_id: GLN }, 1000);
    const [entry] = await allEntries();
    expect(entry).toMatchObject({ id: 'c1', kind: 'create', attempts: 0, nextAttemptAt: 1000 });
    expect(entry?.kind === 'create' && entry.payload.photos[0]).toBeInstanceOf(Blob);
    expect((await getComplaint('c1'))?.status).toBe('queued');
  });

  it('reopens a refused complaint as a new draft under a new key (the old key had another body)', async () => {
    await putComplaint(draftComplaint('c2', { status: 'failed' }));
    await enqueue({
      id: 'c2',
      kind: 'create',
      payload: {
        complaintId: 'c2',
        input: { service_code: 'overpricing' },
        photos: [],
        failure: [{ code: 'validation', description: 'نادرست' }],
      },
      attempts: 1,
      nextAttemptAt: NEVER,
      createdAt: 1,
    });
    const id = await reopenAsDraft('c2');
    expect(id).toBeDefined();
    expect(id).not.toBe('c2');
    expect((await getComplaint(id!))?.status).toBe('draft');
    expect(await getComplaint('c2')).toBeUndefined();
    expect(await allEntries()).toEqual([]);
  });

  it('discards an unsent complaint with everything queued for it', async () => {
    await putComplaint(draftComplaint('c3', { status: 'queued' }));
    await enqueue({
      id: 'c3',
      kind: 'create',
      payload: { complaintId: 'c3', input: { service_code: 'x' }, photos: [] },
      attempts: 0,
      nextAttemptAt: 0,
      createdAt: 0,
    });
    await discardSubmission('c3');
    expect(await allEntries()).toEqual([]);
    expect(await getComplaint('c3')).toBeUndefined();
  });
});
