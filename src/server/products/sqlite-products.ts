import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ProductRecord } from '../../api/index.ts';
import type { ProductStore } from './product-store.ts';

// Products in their own SQLite file under DATA_DIR: one row per GTIN-14, the record as JSON (the
// service answers it whole). `user_version` holds the seed's version, so a newer demo registry
// replaces an older one on start while complaints in the main database are left alone.

export function openSqliteProducts(dataDir: string, file = 'products.sqlite'): ProductStore {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, file));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS products (
    gtin TEXT PRIMARY KEY, name TEXT NOT NULL, brand TEXT NOT NULL, guild_code TEXT NOT NULL,
    record_json TEXT NOT NULL
  )`);
  const get = db.prepare<[string], { record_json: string }>(
    'SELECT record_json FROM products WHERE gtin = ?',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM products');
  const insert = db.prepare('INSERT INTO products VALUES (@gtin, @name, @brand, @guildCode, @json)');

  return {
    seed(products, version) {
      if (db.pragma('user_version', { simple: true }) === version) return;
      // IMMEDIATE, and the version read again inside: workers of start:cluster sharing DATA_DIR
      // start together, and the first to take the write lock seeds for all of them.
      db.transaction(() => {
        if (db.pragma('user_version', { simple: true }) === version) return;
        db.exec('DELETE FROM products');
        for (const p of products)
          insert.run({
            gtin: p.gtin,
            name: p.name,
            brand: p.brand,
            guildCode: p.guild.code,
            json: JSON.stringify(p),
          });
        db.pragma(`user_version = ${Math.trunc(version)}`);
      }).immediate();
    },
    get(gtin) {
      const row = get.get(gtin);
      return row ? (JSON.parse(row.record_json) as ProductRecord) : undefined;
    },
    count: () => count.get()!.n,
    close: () => db.close(),
  };
}
