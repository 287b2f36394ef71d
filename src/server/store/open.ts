import { join } from 'node:path';
import { fileMedia, type MediaStore } from './media.ts';
import { isPostgresUrl, openPostgresStore } from './pg.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

// Which engine: PostgreSQL when DATABASE_URL names one (records and photos in it), otherwise the
// SQLite file in DATA_DIR with photos in DATA_DIR/media.

export type StoreChoice = { dataDir: string; databaseUrl?: string };

export async function openStorage(choice: StoreChoice): Promise<{ store: Store; media: MediaStore }> {
  if (choice.databaseUrl && !isPostgresUrl(choice.databaseUrl))
    throw new Error('DATABASE_URL must start with postgres:// or postgresql:// (leave it unset for SQLite)');
  if (isPostgresUrl(choice.databaseUrl)) return openPostgresStore(choice.databaseUrl);
  return { store: openSqliteStore(choice.dataDir), media: fileMedia(join(choice.dataDir, 'media')) };
}
