import { issueDeskCredentials } from '../secrets/union-tokens.ts';
import { generateRegistry } from '../seed/generate.ts';
import { openStorage, type StoreChoice } from '../store/open.ts';
import { isPostgresUrl } from '../store/pg.ts';
import { openPgBulk } from './pg-bulk.ts';
import { openSqliteBulk } from './sqlite-bulk.ts';
import type { BulkTarget } from './target.ts';

// The database a bulk job writes into, chosen as the service chooses (DATABASE_URL, else the
// SQLite file in DATA_DIR). It is first brought to the service's schema and seeded as the
// service's first start would (guilds, unions and chambers, the demo shops, desk credentials in
// DATA_DIR/secrets): bulk rows only add locations, and need the guilds and unions they name.

export async function openBulkTarget(choice: StoreChoice): Promise<BulkTarget> {
  const { store } = await openStorage(choice);
  try {
    if (!(await store.isSeeded()) && (await store.seed(generateRegistry().data)))
      await issueDeskCredentials(store, choice.dataDir);
  } finally {
    await store.close();
  }
  return isPostgresUrl(choice.databaseUrl) ? openPgBulk(choice.databaseUrl) : openSqliteBulk(choice.dataDir);
}
