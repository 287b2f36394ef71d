import type { Staff } from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';
import type { DeskRow } from '../store/desk-types.ts';

// An escalated complaint as the county chamber's inspectors work it. It is theirs when it lies in
// their county and went up to the chamber: both ways up (the reporter's objection, the union
// letting the Art. 72 deadline pass) write an `escalated` note, so the timeline says whether it
// did, and it stays theirs after they decide it. Anything else answers as an unknown id.

export async function escalatedCase(
  deps: ServiceDeps,
  staff: Staff,
  id: string,
): Promise<DeskRow | undefined> {
  if (staff.role !== 'inspector' || !staff.county) return undefined;
  const row = await deps.store.deskRow(id);
  if (!row || (await deps.store.requestCounty(id)) !== staff.county) return undefined;
  const notes = await deps.store.notes(id);
  return notes.some((n) => n.type === 'escalated') ? row : undefined;
}
