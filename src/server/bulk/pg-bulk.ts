import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { JobState } from './columns.ts';
import { type Cell, LICENCE_COLUMNS, LOCATION_COLUMNS, licenceValues, locationValues } from './columns.ts';
import type { BulkTarget } from './target.ts';

// Bulk rows on PostgreSQL through COPY (text format): one stream per table per batch, on one
// connection, inside the transaction that also moves the job's state.

/** COPY's text format: \N for NULL; backslash, tab, newline and carriage return escaped. */
function copyLine(values: Cell[]): string {
  return `${values
    .map((v) =>
      v === null
        ? '\\N'
        : typeof v === 'number'
          ? String(v)
          : v.replace(/[\\\t\n\r]/g, (c) =>
              c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
            ),
    )
    .join('\t')}\n`;
}

async function copyInto(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: readonly string[],
  rows: Cell[][],
) {
  if (rows.length === 0) return;
  const chunks = function* () {
    // A few hundred rows per chunk: few stream writes, no large string.
    for (let i = 0; i < rows.length; i += 500)
      yield rows
        .slice(i, i + 500)
        .map(copyLine)
        .join('');
  };
  await pipeline(
    Readable.from(chunks()),
    client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)),
  );
}

export async function openPgBulk(url: string): Promise<BulkTarget> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const inTransaction = async <T>(fn: () => Promise<T>): Promise<T> => {
    await client.query('BEGIN');
    try {
      const result = await fn();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  };
  const setMeta = (key: string, value: string) =>
    client.query(
      `INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [key, value],
    );

  return {
    engine: 'postgres',
    async readJob(key) {
      const { rows } = await client.query<{ value: string }>(`SELECT value FROM meta WHERE key = $1`, [key]);
      return rows[0] && (JSON.parse(rows[0].value) as JobState);
    },
    appendBatch: (key, batch, state) =>
      inTransaction(async () => {
        await copyInto(client, 'licences', LICENCE_COLUMNS, batch.licences.map(licenceValues));
        await copyInto(client, 'locations', LOCATION_COLUMNS, batch.locations.map(locationValues));
        await setMeta(key, JSON.stringify(state));
      }),
    importAll: (batches) =>
      inTransaction(async () => {
        // COPY cannot upsert: the file goes to staging tables first, then into the registry with
        // ON CONFLICT, all inside this one transaction (the staging tables vanish at its end).
        await client.query(
          `CREATE TEMP TABLE import_locations (LIKE locations INCLUDING DEFAULTS) ON COMMIT DROP`,
        );
        await client.query(`ALTER TABLE import_locations DROP COLUMN IF EXISTS geog`);
        await client.query(`CREATE TEMP TABLE import_licences (LIKE licences) ON COMMIT DROP`);
        let rows = 0;
        for await (const batch of batches) {
          await copyInto(client, 'import_licences', LICENCE_COLUMNS, batch.licences.map(licenceValues));
          await copyInto(client, 'import_locations', LOCATION_COLUMNS, batch.locations.map(locationValues));
          rows += batch.locations.length;
        }
        const set = (cols: readonly string[], key: string) =>
          cols
            .filter((c) => c !== key)
            .map((c) => `${c} = EXCLUDED.${c}`)
            .join(', ');
        await client.query(
          `INSERT INTO licences (${LICENCE_COLUMNS.join(', ')}) SELECT ${LICENCE_COLUMNS.join(', ')} FROM import_licences
           ON CONFLICT (id) DO UPDATE SET ${set(LICENCE_COLUMNS, 'id')}`,
        );
        await client.query(
          `INSERT INTO locations (${LOCATION_COLUMNS.join(', ')}) SELECT ${LOCATION_COLUMNS.join(', ')} FROM import_locations
           ON CONFLICT (gln) DO UPDATE SET ${set(LOCATION_COLUMNS, 'gln')}`,
        );
        return rows;
      }),
    guildCodes: async () =>
      new Set((await client.query<{ code: string }>(`SELECT code FROM guilds`)).rows.map((r) => r.code)),
    analyze: async () => {
      // VACUUM too, not only ANALYZE: rows just loaded carry no hint bits and their pages are not
      // in the visibility map, so otherwise the first public reads of each page write it back
      // (hint bits), and an insert-triggered autovacuum of the whole table runs later, under
      // traffic. One statement each: VACUUM cannot run inside the implicit transaction of a
      // multi-statement query.
      await client.query('VACUUM (ANALYZE) locations');
      await client.query('VACUUM (ANALYZE) licences');
    },
    sizeBytes: async () =>
      Number(
        (await client.query<{ size: string }>(`SELECT pg_database_size(current_database()) AS size`)).rows[0]!
          .size,
      ),
    close: () => client.end(),
  };
}
