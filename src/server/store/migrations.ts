import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type pg from 'pg';

// Forward-only migrations for both engines in one numbered list: step N is the same change on
// SQLite (tracked in PRAGMA user_version) and on PostgreSQL (tracked in schema_version), each in
// its own dialect. Column names and value shapes are the same on both, so rows map to records in
// one place. Append; never edit a shipped step.
type Migration = { sqlite: string; postgres: string };

/** A step whose SQL is the same on both engines, written once. */
const both = (sql: string): Migration => ({ sqlite: sql, postgres: sql });

/**
 * The first schema, the same on both engines but for a float column's type and an
 * auto-numbered key's.
 */
function firstSchema(real: string, serialId: string): string {
  return `
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
    lat ${real} NOT NULL, lng ${real} NOT NULL, verification_level INTEGER NOT NULL,
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
    lat ${real}, lng ${real}, address TEXT, description TEXT, media_url TEXT,
    attributes_json TEXT NOT NULL, contact_json TEXT, agency_id TEXT NOT NULL,
    substatus TEXT NOT NULL, escalated INTEGER NOT NULL DEFAULT 0,
    enforcement_stage TEXT NOT NULL DEFAULT 'none', service_notice TEXT NOT NULL,
    requested_at TEXT NOT NULL, updated_at TEXT NOT NULL, expected_at TEXT NOT NULL,
    supporters INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX requests_agency ON requests (agency_id, requested_at);
  CREATE INDEX requests_gln ON requests (gln, substatus);
  CREATE TABLE notes (
    id ${serialId}, request_id TEXT NOT NULL, type TEXT NOT NULL,
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
  `;
}

const MIGRATIONS: Migration[] = [
  {
    sqlite: firstSchema('REAL', 'INTEGER PRIMARY KEY AUTOINCREMENT'),
    // Times stay ISO-8601 text and JSON stays text, as on SQLite: the wire shapes are built from
    // them unchanged, and the row mappers are shared.
    postgres: firstSchema('DOUBLE PRECISION', 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY'),
  },
  // Every photo of a complaint, not only Open311's one media_url (kept as the first of them).
  {
    sqlite: `
  ALTER TABLE requests ADD COLUMN media_urls_json TEXT NOT NULL DEFAULT '[]';
  UPDATE requests SET media_urls_json = json_array(media_url) WHERE media_url IS NOT NULL;
  `,
    postgres: `
  ALTER TABLE requests ADD COLUMN media_urls_json TEXT NOT NULL DEFAULT '[]';
  UPDATE requests SET media_urls_json = json_build_array(media_url)::text WHERE media_url IS NOT NULL;
  `,
  },
  // The filing device's id, hashed: "me too" by place must not back the reporter's own complaint.
  both(`ALTER TABLE requests ADD COLUMN device_hash TEXT;`),
  // Supporters are kept as the hash of their install id too: the raw id is never stored.
  {
    sqlite: `UPDATE supports SET device_id = sha256_hex(device_id);`,
    postgres: `UPDATE supports SET device_id = encode(sha256(convert_to(device_id, 'UTF8')), 'hex');`,
  },
  // Remembered answers are now stored sealed under their Idempotency-Key (they hold reporters'
  // access tokens). Rows written before cannot be sealed without the raw answer leaking through
  // this migration's logs, so they are dropped: a retry still in flight across the upgrade files anew.
  both(`DELETE FROM idempotency;`),
  // Nearby search through a spatial index instead of a scan of a latitude band: an R*Tree keyed by
  // the GLN's digits (a GLN is 13 digits, so it is a stable 64-bit id; a text key's rowid is not
  // stable across VACUUM) on SQLite, a PostGIS geography point with a GiST index on PostgreSQL.
  // Safe to run twice.
  {
    sqlite: `
  CREATE VIRTUAL TABLE IF NOT EXISTS locations_rtree USING rtree(id, min_lat, max_lat, min_lng, max_lng);
  INSERT OR REPLACE INTO locations_rtree SELECT CAST(gln AS INTEGER), lat, lat, lng, lng FROM locations;
  CREATE TRIGGER IF NOT EXISTS locations_rtree_insert AFTER INSERT ON locations BEGIN
    INSERT INTO locations_rtree VALUES (CAST(new.gln AS INTEGER), new.lat, new.lat, new.lng, new.lng);
  END;
  CREATE TRIGGER IF NOT EXISTS locations_rtree_update AFTER UPDATE OF gln, lat, lng ON locations BEGIN
    DELETE FROM locations_rtree WHERE id = CAST(old.gln AS INTEGER);
    INSERT INTO locations_rtree VALUES (CAST(new.gln AS INTEGER), new.lat, new.lat, new.lng, new.lng);
  END;
  CREATE TRIGGER IF NOT EXISTS locations_rtree_delete AFTER DELETE ON locations BEGIN
    DELETE FROM locations_rtree WHERE id = CAST(old.gln AS INTEGER);
  END;
  DROP INDEX IF EXISTS locations_lat;
  `,
    postgres: `
  CREATE EXTENSION IF NOT EXISTS postgis;
  ALTER TABLE locations ADD COLUMN IF NOT EXISTS geog geography(Point, 4326)
    GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lng, lat), 4326)::geography) STORED;
  CREATE INDEX IF NOT EXISTS locations_geog ON locations USING gist (geog);
  DROP INDEX IF EXISTS locations_lat;
  `,
  },
  // Evidence photos in the database on PostgreSQL, so any instance serves any photo. SQLite is
  // one process on one disk and keeps them as files beside its database.
  {
    sqlite: `SELECT 1;`,
    postgres: `
  CREATE TABLE media (name TEXT PRIMARY KEY, bytes BYTEA NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now());
  `,
  },
  // Abuse resistance. A complaint set aside for triage keeps the group it was set aside under
  // (its install, address or shop burst) and leaves the desk's queue until a clerk decides;
  // spam stays on file but out of every count. Daily quotas and spam strikes live here, so a
  // restart resets neither and every instance counts against the same ones. The queue index
  // serves its order: escalated first, then deadline.
  both(`
  ALTER TABLE requests ADD COLUMN triage TEXT;
  ALTER TABLE requests ADD COLUMN spam INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX requests_queue ON requests (agency_id, escalated DESC, expected_at, id);
  CREATE TABLE quotas (key TEXT NOT NULL, day TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (key, day));
  CREATE TABLE strikes (key TEXT PRIMARY KEY, count INTEGER NOT NULL, last_at TEXT NOT NULL);
  `),
  // The reporter's consent to show the description and photos in the public (keyless) view;
  // complaints filed before the question was asked stay private. Open311's GET requests reads by
  // date, so requested_at gets an index of its own.
  both(`
  ALTER TABLE requests ADD COLUMN published INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX requests_requested ON requests (requested_at);
  CREATE INDEX notes_datetime ON notes (datetime);
  `),
  // Notes the system writes carry a code and its parameters, worded by each reader's locale;
  // notes stored before keep their text and are read by their type and state.
  both(`
  ALTER TABLE notes ADD COLUMN code TEXT;
  ALTER TABLE notes ADD COLUMN params_json TEXT;
  `),
  // The desk's people: one account each, its password as scrypt's output with the salt and cost
  // parameters it was made with (so the cost can rise without locking anyone out); sessions as
  // rows (every instance honours every session, and disabling an account ends them at once),
  // keyed by the session id's SHA-256 so a copy of the database opens no session; and the audit
  // trail, which keeps the person's name, role and agency as they were when they acted.
  {
    sqlite: deskSchema('INTEGER PRIMARY KEY AUTOINCREMENT'),
    postgres: deskSchema('BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY'),
  },
  // Short-window write limits shared by every instance on PostgreSQL (store/pg-rate-buckets.ts):
  // a token bucket per limit and hashed key, `at` in epoch seconds of the database's clock.
  // UNLOGGED: buckets live for minutes, need no WAL and no replica; a crash empties them. SQLite
  // is one process and keeps them in memory.
  {
    sqlite: `SELECT 1;`,
    postgres: `
  CREATE UNLOGGED TABLE rate_buckets (
    name TEXT NOT NULL, key TEXT NOT NULL, tokens DOUBLE PRECISION NOT NULL,
    at DOUBLE PRECISION NOT NULL, ok BOOLEAN NOT NULL, PRIMARY KEY (name, key)
  );
  `,
  },
  // The clerk's desk: who works a complaint (the name kept beside the id, so the queue lists it
  // without reading accounts), and each union's reply templates per category, edited by its manager.
  both(`
  ALTER TABLE requests ADD COLUMN assignee_id TEXT;
  ALTER TABLE requests ADD COLUMN assignee_name TEXT;
  CREATE TABLE reply_templates (
    id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, service_code TEXT NOT NULL,
    title TEXT NOT NULL, body TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
  );
  CREATE INDEX reply_templates_agency ON reply_templates (agency_id, service_code);
  `),
  // Field work. Enforcement stages are the shop's (its GLN), numbered per shop so two desks
  // racing on one shop cannot both take "the next" stage; each names the complaint and the
  // person behind it. A complaint the union let pass its Art. 72 deadline is escalated to the
  // county chamber once, marked with when. Visits to missing-plate reports and on-site
  // verifications (level 4) keep who, when and what was found.
  both(`
  CREATE TABLE shop_enforcement (
    gln TEXT NOT NULL, seq INTEGER NOT NULL, stage TEXT NOT NULL, at TEXT NOT NULL, until_at TEXT,
    request_id TEXT NOT NULL, staff_id TEXT NOT NULL, staff_name TEXT NOT NULL, staff_role TEXT NOT NULL,
    PRIMARY KEY (gln, seq)
  );
  ALTER TABLE requests ADD COLUMN overdue_escalated_at TEXT;
  CREATE INDEX requests_expected ON requests (expected_at);
  CREATE TABLE field_visits (
    id TEXT PRIMARY KEY, request_id TEXT NOT NULL, outcome TEXT NOT NULL, at TEXT NOT NULL,
    media_url TEXT NOT NULL, staff_id TEXT NOT NULL, staff_name TEXT NOT NULL
  );
  CREATE INDEX field_visits_request ON field_visits (request_id, at);
  CREATE TABLE location_verifications (
    id TEXT PRIMARY KEY, gln TEXT NOT NULL, at TEXT NOT NULL, staff_id TEXT NOT NULL,
    staff_name TEXT NOT NULL, fix_json TEXT NOT NULL
  );
  CREATE INDEX location_verifications_gln ON location_verifications (gln, at);
  `),
  // Reply notifications: the browsers that asked to hear about a complaint (Web Push), and
  // secrets every instance shares (the VAPID key pair on PostgreSQL; SQLite keeps its own in
  // DATA_DIR/secrets). An endpoint is looked up alone when it is unsubscribed or gone.
  both(`
  CREATE TABLE push_subscriptions (
    request_id TEXT NOT NULL, endpoint TEXT NOT NULL, p256dh TEXT NOT NULL, auth TEXT NOT NULL,
    lang TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (request_id, endpoint)
  );
  CREATE INDEX push_subscriptions_endpoint ON push_subscriptions (endpoint);
  CREATE TABLE service_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  `),
  // Machine access for a union's own systems: one key per system, several per union, each known
  // here only by its SHA-256 and revocable alone. The one shared token a desk had before becomes
  // its first key, named "demo" (the hash is the same hash), and leaves the agencies table.
  {
    sqlite: `
  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, name TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL, created_by TEXT NOT NULL, revoked_at TEXT, last_used_at TEXT
  );
  CREATE INDEX api_keys_agency ON api_keys (agency_id);
  INSERT INTO api_keys (id, agency_id, name, key_hash, created_at, created_by)
    SELECT 'key_' || lower(hex(randomblob(8))), id, 'demo', token_hash,
      strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'migration'
    FROM agencies WHERE token_hash IS NOT NULL;
  UPDATE agencies SET token_hash = NULL;
  `,
    postgres: `
  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, name TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL, created_by TEXT NOT NULL, revoked_at TEXT, last_used_at TEXT
  );
  CREATE INDEX api_keys_agency ON api_keys (agency_id);
  INSERT INTO api_keys (id, agency_id, name, key_hash, created_at, created_by)
    SELECT 'key_' || substr(md5(random()::text || id), 1, 16), id, 'demo', token_hash,
      to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'migration'
    FROM agencies WHERE token_hash IS NOT NULL;
  UPDATE agencies SET token_hash = NULL;
  `,
  },
  // Public outcomes: a union clerk's decision on the words a reporter chose to publish (no row:
  // not yet decided). Only approved words reach a shop's page; the reason of a refusal stays in
  // the desk. The shop page reads decided complaints by shop and filing date.
  both(`
  CREATE TABLE public_words (
    request_id TEXT PRIMARY KEY, state TEXT NOT NULL CHECK (state IN ('approved','rejected')),
    reason TEXT, decided_at TEXT NOT NULL, staff_id TEXT NOT NULL, staff_name TEXT NOT NULL
  );
  CREATE INDEX requests_gln_requested ON requests (gln, requested_at);
  `),
  // Shoppers' plate readings ("is this the right place?"), one per install per shop per UTC month
  // (the key refuses a second), kept by the install's hash: near ones confirm the plate for the
  // trust badge, a cluster of far ones sends an inspector. Read by shop and time, and by time
  // for the county's misplaced plates.
  both(`
  CREATE TABLE plate_readings (
    gln TEXT NOT NULL, install_hash TEXT NOT NULL, month TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('near','far')), at TEXT NOT NULL,
    PRIMARY KEY (gln, install_hash, month)
  );
  CREATE INDEX plate_readings_gln ON plate_readings (gln, verdict, at);
  CREATE INDEX plate_readings_at ON plate_readings (at);
  `),
];

function deskSchema(serialId: string): string {
  return `
  CREATE TABLE staff (
    id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('clerk','manager','inspector','field_agent','operator')),
    agency_id TEXT, county TEXT, password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0, failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT, created_at TEXT NOT NULL, password_changed_at TEXT NOT NULL
  );
  CREATE INDEX staff_agency ON staff (agency_id, role);
  CREATE TABLE staff_sessions (
    id_hash TEXT PRIMARY KEY, staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL, created_at TEXT NOT NULL, last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);
  CREATE TABLE audit (
    id ${serialId}, at TEXT NOT NULL, staff_id TEXT NOT NULL, staff_name TEXT NOT NULL,
    role TEXT NOT NULL, agency_id TEXT, action TEXT NOT NULL, target TEXT NOT NULL,
    detail_json TEXT
  );
  CREATE INDEX audit_agency ON audit (agency_id, id);
  `;
}

/** `upTo`: stop at that schema version (tests build a database as an older release left it). */
export function migrate(db: Database.Database, upTo = MIGRATIONS.length): void {
  // SQLite has no hash function of its own; migrations that hash existing rows call this one.
  db.function('sha256_hex', { deterministic: true }, (value: unknown) =>
    createHash('sha256').update(String(value)).digest('hex'),
  );
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < Math.min(upTo, MIGRATIONS.length); v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!.sqlite);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** Any number of instances may start at once: the first to take the lock migrates, the rest wait. */
export async function migratePostgres(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('kala-be-fi:migrate'))`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM schema_version`);
    if (rows.length === 0) await client.query(`INSERT INTO schema_version VALUES (0)`);
    const current = rows[0]?.version ?? 0;
    for (let v = current; v < MIGRATIONS.length; v++) {
      await client.query(MIGRATIONS[v]!.postgres);
      await client.query(`UPDATE schema_version SET version = $1`, [v + 1]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
