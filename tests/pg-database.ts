import { randomBytes } from 'node:crypto';
import pg from 'pg';

// Tests on PostgreSQL (KBF_TEST_ENGINE=postgres): each server gets a database of its own on the
// throwaway cluster at KBF_TEST_PG_URL (default: the one `scripts/pg-cluster.sh start` runs),
// dropped when it stops.

export const TEST_ENGINE = process.env.KBF_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
export const PG_ADMIN_URL =
  process.env.KBF_TEST_PG_URL ??
  `postgres://postgres@/postgres?host=${process.env.KBF_PG_DIR ?? '/tmp/kbf-pg'}`;

async function asAdmin(sql: string) {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * A throwaway database on the test cluster, empty or a copy of `template`; `drop` removes it even
 * if connections remain.
 */
export async function createTestDatabase(template?: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `kbf_test_${randomBytes(6).toString('hex')}`;
  await asAdmin(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  return {
    // Same cluster and user, this database (WHATWG URL refuses a socket URL with no host).
    url: PG_ADMIN_URL.replace(/\/[^/?]*(\?|$)/, `/${name}$1`),
    drop: () => asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
