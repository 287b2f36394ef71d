import type { Note } from '../../api/index.ts';
import { CATEGORY_BY_CODE } from '../complaints/categories.ts';
import type { Store } from '../store/types.ts';
import { applyUpdate, type Refusal, type UpdateAction } from './apply-update.ts';

// One update applied to the stored complaint and written with its timeline notes: the rules are
// apply-update's, this reads the state they start from and stores what they decide. The Open311
// updates route and the clerk's desk both go through it. Call it inside a transaction when the
// read and the write must not interleave with another update.

export type Committed = { ok: true; notes: Note[]; at: string } | { ok: false; refusal: Refusal };

export async function commitUpdate(
  store: Store,
  id: string,
  action: UpdateAction,
  now: Date,
): Promise<Committed> {
  const current = await store.request(id);
  if (!current) throw new Error(`no complaint ${id}`);
  const agency = await store.agency(current.agencyId);
  const at = now.toISOString();
  const outcome = applyUpdate(
    {
      substatus: current.substatus,
      escalated: current.escalated,
      enforcementStage: current.enforcementStage,
      expectedAt: current.expectedAt,
      enforceable: CATEGORY_BY_CODE.get(current.serviceCode)?.enforcement ?? false,
      external: agency?.kind === 'external',
    },
    action,
    at,
  );
  if (!outcome.ok) return outcome;
  const s = outcome.state;
  await store.updateRequest(
    id,
    {
      substatus: s.substatus,
      escalated: s.escalated,
      enforcementStage: s.enforcementStage,
      expectedAt: s.expectedAt,
      updatedAt: at,
    },
    outcome.notes,
  );
  return { ok: true, notes: outcome.notes, at };
}
