import type { Staff } from '../../api/index.ts';
import type { Store } from '../store/types.ts';

// The people of one union who work its queue (clerks and its manager), active accounts only:
// whom a complaint may be assigned to.

export async function clerksOf(store: Store, agencyId: string): Promise<Pick<Staff, 'id' | 'name'>[]> {
  return (await store.listStaff())
    .filter((s) => s.agency_id === agencyId && !s.disabled && (s.role === 'clerk' || s.role === 'manager'))
    .map((s) => ({ id: s.id, name: s.name }));
}
