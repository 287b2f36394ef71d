import type { ApiClient } from '../api/client.ts';
import { getComplaint, putComplaint, totalUnread, trackedComplaints, withRemote } from '../db/complaints.ts';

// Pulls the union's replies for every complaint the reporter is tracking. A complaint that cannot
// be read right now (offline, server down) simply keeps its last known state.

export async function pullReplies(client: ApiClient, now: () => number = Date.now): Promise<number> {
  const tracked = await trackedComplaints();
  await Promise.all(
    tracked.map(async (c) => {
      const res = await client.getRequest(c.serverId!, c.token!);
      if (res.status !== 'ok') return;
      // Re-read: the reporter may have opened the detail page (marking replies read) meanwhile.
      const fresh = (await getComplaint(c.id)) ?? c;
      await putComplaint(withRemote(fresh, res.data, now()));
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
  const fresh = (await getComplaint(id)) ?? c;
  await putComplaint(withRemote(fresh, res.data, now()));
  return true;
}
