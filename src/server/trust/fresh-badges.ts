import type { RecordCache } from '../records/record-cache.ts';
import type { Store } from '../store/types.ts';

// A complaint decided (upheld, rejected, reopened) or set aside as spam changes its shop's badge:
// whoever writes it (Open311 updates, the desk, a sweep), the shop's cached record is dropped
// once the write commits, so the next lookup on this instance shows the new badge. Other
// instances catch up within the record cache's maximum age.

export function badgeFreshStore(store: Store, records: () => RecordCache): Store {
  const forgetShopOf = async (id: string) => {
    const gln = (await store.request(id))?.gln;
    if (gln) store.afterCommit(() => records().forget(gln));
  };
  return {
    ...store,
    async updateRequest(id, patch, notes) {
      await store.updateRequest(id, patch, notes);
      await forgetShopOf(id);
    },
    async setTriage(id, decision) {
      await store.setTriage(id, decision);
      await forgetShopOf(id);
    },
  };
}
