import type { ApiClient } from '../api/client.ts';
import { getComplaint, mergeRemote, totalUnread, trackedComplaints } from '../db/complaints.ts';

// Pulls the union's replies for every complaint the reporter is tracking. A complaint that cannot
// be read right now (offline, server down) simply keeps its last known state.

export async function pullReplies(client: ApiClient, now: () => number = Date.now): Promise<number> {
  const tracked = await trackedComplaints();
  await Promise.all(
    tracked.map(async (c) => {
      const res = await client.getRequest(c.serverId!, c.token!);
      if (res.status !== 'ok') return;
      await mergeRemote(c.id, res.data, now());
    }),
  );
  return totalUnread();
}

/** One complaint, for the detail page's own refresh. */
export async function pullOne(client: ApiClient, id: string, now: () => number = Date.now): Promise<boolean> {
  const c = await getComplaint(id);
  if (!c?.serverId || !c.token) return false;
  const res = await client.getRequest(c.serverId, c.token);
  if (res.status !== 'ok') return false;
  await mergeRemote(id, res.data, now());
  return true;
}
