import type { Store, StoredRequest } from '../store/types.ts';

// A reporter's words and photos leave the desk only when they chose to publish them when filing
// and a clerk of the union approved them. The shop page's query asks the same of the database
// (store/outcomes-sql.ts); Open311's public view asks here.
export async function publishedAndApproved(store: Store, r: StoredRequest): Promise<boolean> {
  return r.published && (await store.words(r.id))?.state === 'approved';
}
