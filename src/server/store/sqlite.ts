import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { SeedData } from '../seed/types.ts';
import { migrate } from './migrations.ts';
import { createApiKeyQueries } from './sqlite-api-keys.ts';
import { asyncSqliteStore } from './sqlite-async.ts';
import { createComplaintQueries } from './sqlite-complaints.ts';
import { createDeskQueries } from './sqlite-desk.ts';
import { createFieldQueries } from './sqlite-field.ts';
import { createSqliteOpsQueries } from './sqlite-ops.ts';
import { createOutcomeQueries } from './sqlite-outcomes.ts';
import { createPushQueries } from './sqlite-push.ts';
import { createRegistryQueries } from './sqlite-registry.ts';
import { createStaffQueries } from './sqlite-staff.ts';
import { createTrustQueries } from './sqlite-trust.ts';
import type { Store } from './types.ts';

// The SQLite store: one file under DATA_DIR, WAL so readers never wait for the writer.

/** How much of the file may be memory-mapped (SQLite caps it at its build's maximum, 2 GB). */
const MMAP_BYTES = 2 ** 31;

export function openSqliteStore(dataDir: string, file = 'kala-be-fi.sqlite'): Store {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, file));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Reads through a memory map of the file instead of a read() into SQLite's small page cache per
  // page: a nearby search touches a few hundred pages of a national registry.
  db.pragma(`mmap_size = ${MMAP_BYTES}`);
  migrate(db);

  const seeded = db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'seeded'`);
  const registry = createRegistryQueries(db);
  const complaints = createComplaintQueries(db);

  function seed(data: SeedData): boolean {
    if (seeded.get() !== undefined) return false;
    const ins = (sql: string) => db.prepare(sql);
    const guild = ins(`INSERT INTO guilds VALUES (@code, @name, @isicCode, @isicTitle)`);
    const agency = ins(
      `INSERT INTO agencies VALUES (@id, @kind, @name, @phone, @address, @guildCode, @county, @tokenHash)`,
    );
    const licence = ins(`INSERT INTO licences VALUES (@id, @holder, @guildCode, @issuedAt, @expiresAt)`);
    const location = ins(
      `INSERT INTO locations VALUES (@gln, @name, @role, @licenceId, @guildCode, @serviceCode, @province, @city, @county, @street, @plate, @floor, @unit, @postcode, @lat, @lng, @verificationLevel, @status, @statusSince, @replacedBy, @pos, @updatedAt)`,
    );
    const sub = ins(`INSERT INTO sublocations VALUES (@gln, @ext, @name, @floor, @unit)`);
    db.transaction(() => {
      for (const g of data.guilds) guild.run(g);
      for (const a of data.agencies) agency.run(a);
      for (const l of data.licences) licence.run(l);
      for (const l of data.locations) location.run({ ...l, pos: JSON.stringify(l.pos) });
      for (const s of data.subLocations) sub.run(s);
      db.prepare(`INSERT INTO meta VALUES ('seeded', ?)`).run(new Date().toISOString());
    })();
    return true;
  }

  return asyncSqliteStore(db, {
    isSeeded: () => seeded.get() !== undefined,
    seed,
    ...registry,
    ...complaints,
    ...createStaffQueries(db),
    ...createSqliteOpsQueries(db),
    ...createDeskQueries(db),
    ...createFieldQueries(db),
    ...createApiKeyQueries(db),
    ...createPushQueries(db),
    ...createOutcomeQueries(db),
    ...createTrustQueries(db),
  });
}
