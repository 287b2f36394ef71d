import { isPostgresUrl, openPostgresStore } from './pg.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

// Which engine: PostgreSQL when DATABASE_URL names one, otherwise the SQLite file in DATA_DIR.

export type StoreChoice = { dataDir: string; databaseUrl?: string };

export async function openStore(choice: StoreChoice): Promise<Store> {
  if (choice.databaseUrl && !isPostgresUrl(choice.databaseUrl))
    throw new Error('DATABASE_URL must start with postgres:// or postgresql:// (leave it unset for SQLite)');
  return isPostgresUrl(choice.databaseUrl)
    ? openPostgresStore(choice.databaseUrl)
    : openSqliteStore(choice.dataDir);
}
