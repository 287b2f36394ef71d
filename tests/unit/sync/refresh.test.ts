import 'fake-indexeddb/auto';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/api/client.ts';
import type { Note } from '../../../src/api/index.ts';
import { getComplaint, markRead, putComplaint } from '../../../src/db/complaints.ts';
import { KalaDb, useDb } from '../../../src/db/database.ts';
import { pullReplies } from '../../../src/sync/refresh.ts';
import { BASE, draftComplaint, remote } from './fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
let n = 0;
beforeEach(() => useDb(new KalaDb(`refresh-${++n}`)));

const client = createApiClient({ baseUrl: BASE, timeoutMs: 300 });
const reply: Note = {
  type: 'reply',
  datetime: '2026-11-26T10:00:00+03:30',
  author: 'union',
  text: 'بررسی می‌شود',
};
const tracked = (id: string) =>
  draftComplaint(id, { status: 'open', serverId: 'KBF-1001', token: 'secret-token' });

describe('pulling replies', () => {
  it('merges the union reply and counts it unread until the complaint is viewed', async () => {
    server.use(
      http.get(`${BASE}/open311/v2/requests/:id.json`, () =>
        HttpResponse.json([remote({ notes: [...remote().notes, reply] })]),
      ),
    );
    await putComplaint(tracked('a'));
    expect(await pullReplies(client)).toBe(1);
    expect((await getComplaint('a'))?.data.notes).toHaveLength(2);
    await markRead('a');
    expect(await pullReplies(client)).toBe(0);
  });

  it('keeps the last known state when the service refuses or is unreachable', async () => {
    server.use(http.get(`${BASE}/open311/v2/requests/:id.json`, () => HttpResponse.error()));
    await putComplaint(tracked('a'));
    expect(await pullReplies(client)).toBe(0);
    expect((await getComplaint('a'))?.status).toBe('open');
  });

  it('does not ask about complaints that were never acknowledged', async () => {
    await putComplaint(draftComplaint('q', { status: 'queued' }));
    expect(await pullReplies(client)).toBe(0);
  });
});
