import { MODERATION_API } from '../../src/api/index.ts';
import { signedIn } from './desk/session.ts';
import type { Harness } from './harness.ts';

/** A clerk of the complaint's union approves the words its reporter published, over HTTP. */
export async function approveWords(h: Harness, id: string): Promise<void> {
  const req = await h.deps.store.request(id);
  if (!req) throw new Error(`no complaint ${id}`);
  const clerk = await signedIn(h, 'clerk', req.agencyId);
  const res = await clerk.post(MODERATION_API.decide(id), { decision: 'approve' });
  if (res.status !== 200) throw new Error(`approval failed: ${res.status} ${await res.text()}`);
}
