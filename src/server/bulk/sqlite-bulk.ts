import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  type Cell,
  type JobState,
  LICENCE_COLUMNS,
  LOCATION_COLUMNS,
  licenceValues,
  locationValues,
  type RegistryBatch,
} from './columns.ts';
import type { BulkTarget } from './target.ts';

// Bulk rows on SQLite: statements prepared once, many rows per transaction (one fsync each).

const upsert = (table: string, columns: readonly string[], key: string) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
   ON CONFLICT (${key}) DO UPDATE SET ${columns
     .filter((c) => c !== key)
     .map((c) => `${c} = excluded.${c}`)
     .join(', ')}`;

export function openSqliteBulk(dataDir: string, file = 'kala-be-fi.sqlite'): BulkTarget {
  const path = join(dataDir, file);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  const insertLocation = db.prepare<Cell[], unknown>(
    `INSERT INTO locations (${LOCATION_COLUMNS.join(', ')}) VALUES (${LOCATION_COLUMNS.map(() => '?').join(', ')})`,
  );
  const insertLicence = db.prepare<Cell[], unknown>(
    `INSERT INTO licences (${LICENCE_COLUMNS.join(', ')}) VALUES (${LICENCE_COLUMNS.map(() => '?').join(', ')})`,
  );
  const upsertLocation = db.prepare<Cell[], unknown>(upsert('locations', LOCATION_COLUMNS, 'gln'));
  const upsertLicence = db.prepare<Cell[], unknown>(upsert('licences', LICENCE_COLUMNS, 'id'));
  const getMeta = db.prepare<[string], { value: string }>(`SELECT value FROM meta WHERE key = ?`);
  const setMeta = db.prepare(
    `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );

  const append = db.transaction((key: string, batch: RegistryBatch, state: JobState) => {
    for (const l of batch.licences) insertLicence.run(...licenceValues(l));
    for (const l of batch.locations) insertLocation.run(...locationValues(l));
    setMeta.run(key, JSON.stringify(state));
  });

  return {
    engine: 'sqlite',
    readJob: async (key) => {
      const row = getMeta.get(key);
      return row && (JSON.parse(row.value) as JobState);
    },
    appendBatch: async (key, batch, state) => append(key, batch, state),
    async importAll(batches) {
      // better-sqlite3's transaction() takes no async function: the transaction is opened and
      // closed by hand around the file's batches, which are read between statements.
      let rows = 0;
      db.exec('BEGIN IMMEDIATE');
      try {
        for await (const batch of batches) {
          for (const l of batch.licences) upsertLicence.run(...licenceValues(l));
          for (const l of batch.locations) upsertLocation.run(...locationValues(l));
          rows += batch.locations.length;
        }
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
      return rows;
    },
    guildCodes: async () =>
      new Set(
        db
          .prepare<[], { code: string }>(`SELECT code FROM guilds`)
          .all()
          .map((r) => r.code),
      ),
    analyze: async () => {
      db.exec('ANALYZE');
    },
    sizeBytes: async () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      return statSync(path).size;
    },
    close: async () => {
      db.close();
    },
  };
}
