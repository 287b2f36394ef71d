import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

// Forward-only migrations, tracked in PRAGMA user_version. Append; never edit a shipped one.
const MIGRATIONS: string[] = [
  `
  CREATE TABLE guilds (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, isic_code TEXT NOT NULL, isic_title TEXT NOT NULL
  );
  -- Unions (per guild and county), county chambers' inspectors and outside bodies (124).
  CREATE TABLE agencies (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('union','chamber','external')),
    name TEXT NOT NULL, phone TEXT NOT NULL, address TEXT NOT NULL,
    guild_code TEXT, county TEXT, token_hash TEXT UNIQUE
  );
  CREATE INDEX agencies_guild_county ON agencies (guild_code, county);
  CREATE TABLE licences (
    id TEXT PRIMARY KEY, holder TEXT NOT NULL, guild_code TEXT NOT NULL,
    issued_at TEXT NOT NULL, expires_at TEXT NOT NULL
  );
  CREATE TABLE locations (
    gln TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, licence_id TEXT NOT NULL,
    guild_code TEXT NOT NULL, service_code TEXT NOT NULL,
    province TEXT NOT NULL, city TEXT NOT NULL, county TEXT NOT NULL, street TEXT NOT NULL,
    plate TEXT NOT NULL, floor TEXT NOT NULL, unit TEXT NOT NULL, postcode TEXT NOT NULL,
    lat REAL NOT NULL, lng REAL NOT NULL, verification_level INTEGER NOT NULL,
    status TEXT NOT NULL, status_since TEXT NOT NULL, replaced_by TEXT,
    pos_json TEXT NOT NULL, updated_at TEXT NOT NULL
  );
  CREATE INDEX locations_licence ON locations (licence_id);
  CREATE INDEX locations_lat ON locations (lat);
  CREATE TABLE sublocations (
    gln TEXT NOT NULL, ext TEXT NOT NULL, name TEXT NOT NULL, floor TEXT NOT NULL, unit TEXT NOT NULL,
    PRIMARY KEY (gln, ext)
  );
  CREATE TABLE requests (
    id TEXT PRIMARY KEY, token_hash TEXT NOT NULL, service_code TEXT NOT NULL, gln TEXT,
    lat REAL, lng REAL, address TEXT, description TEXT, media_url TEXT,
    attributes_json TEXT NOT NULL, contact_json TEXT, agency_id TEXT NOT NULL,
    substatus TEXT NOT NULL, escalated INTEGER NOT NULL DEFAULT 0,
    enforcement_stage TEXT NOT NULL DEFAULT 'none', service_notice TEXT NOT NULL,
    requested_at TEXT NOT NULL, updated_at TEXT NOT NULL, expected_at TEXT NOT NULL,
    supporters INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX requests_agency ON requests (agency_id, requested_at);
  CREATE INDEX requests_gln ON requests (gln, substatus);
  CREATE TABLE notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT, request_id TEXT NOT NULL, type TEXT NOT NULL,
    datetime TEXT NOT NULL, author TEXT NOT NULL, text TEXT NOT NULL,
    substatus TEXT, enforcement_stage TEXT
  );
  CREATE INDEX notes_request ON notes (request_id, id);
  CREATE TABLE supports (request_id TEXT NOT NULL, device_id TEXT NOT NULL, PRIMARY KEY (request_id, device_id));
  -- Idempotency-Key -> the first answer, so a retried submission lands once.
  CREATE TABLE idempotency (
    key TEXT PRIMARY KEY, body_hash TEXT NOT NULL, status INTEGER NOT NULL,
    response TEXT NOT NULL, created_at TEXT NOT NULL
  );
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  // Every photo of a complaint, not only Open311's one media_url (kept as the first of them).
  `
  ALTER TABLE requests ADD COLUMN media_urls_json TEXT NOT NULL DEFAULT '[]';
  UPDATE requests SET media_urls_json = json_array(media_url) WHERE media_url IS NOT NULL;
  `,
  // The filing device's id, hashed: "me too" by place must not back the reporter's own complaint.
  `
  ALTER TABLE requests ADD COLUMN device_hash TEXT;
  `,
  // Supporters are kept as the hash of their install id too: the raw id is never stored.
  `
  UPDATE supports SET device_id = sha256_hex(device_id);
  `,
  // Remembered answers are now stored sealed under their Idempotency-Key (they hold reporters'
  // access tokens). Rows written before cannot be sealed without the raw answer leaking through
  // this migration's logs, so they are dropped: a retry still in flight across the upgrade files anew.
  `
  DELETE FROM idempotency;
  `,
  // Abuse resistance. A complaint set aside for triage keeps the group it was set aside under
  // (its install, address or shop burst) and leaves the desk's queue until a clerk decides;
  // spam stays on file but out of every count. Daily quotas and spam strikes live here, so a
  // restart resets neither. The queue index serves its order: escalated first, then deadline.
  `
  ALTER TABLE requests ADD COLUMN triage TEXT;
  ALTER TABLE requests ADD COLUMN spam INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX requests_queue ON requests (agency_id, escalated DESC, expected_at, id);
  CREATE TABLE quotas (key TEXT NOT NULL, day TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (key, day));
  CREATE TABLE strikes (key TEXT PRIMARY KEY, count INTEGER NOT NULL, last_at TEXT NOT NULL);
  `,
  // The reporter's consent to show the description and photos in the public (keyless) view;
  // complaints filed before the question was asked stay private. Open311's GET requests reads by
  // date, so requested_at gets an index of its own.
  `
  ALTER TABLE requests ADD COLUMN published INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX requests_requested ON requests (requested_at);
  CREATE INDEX notes_datetime ON notes (datetime);
  `,
  // Notes the system writes carry a code and its parameters, worded by each reader's locale;
  // notes stored before keep their text and are read by their type and state.
  `
  ALTER TABLE notes ADD COLUMN code TEXT;
  ALTER TABLE notes ADD COLUMN params_json TEXT;
  `,
];

/** `upTo`: stop at that schema version (tests build a database as an older release left it). */
export function migrate(db: Database.Database, upTo = MIGRATIONS.length): void {
  // SQLite has no hash function of its own; migrations that hash existing rows call this one.
  db.function('sha256_hex', { deterministic: true }, (value: unknown) =>
    createHash('sha256').update(String(value)).digest('hex'),
  );
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < Math.min(upTo, MIGRATIONS.length); v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
