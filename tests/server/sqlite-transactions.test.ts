import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asyncSqliteStore } from '../../src/server/store/sqlite-async.ts';
import type { Store, StoreQueries } from '../../src/server/store/types.ts';

// The SQLite store's one connection, shared by every request: a transaction that spans awaits must
// not take in another request's write made meanwhile (it would be rolled back, or committed, with
// it). The wrapper tells the two apart with an AsyncLocalStorage that is switched on only while a
// transaction is open, so these run transaction after transaction: each must isolate as the first.

type Rows = { add(v: number): void; values(): number[] };

let db: Database.Database;
let store: Store & Rows;
beforeEach(() => {
  db = new Database(':memory:');
  db.exec('CREATE TABLE t (v INTEGER)');
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  const all = db.prepare('SELECT v FROM t ORDER BY rowid').pluck();
  const rows: Rows = { add: (v) => void insert.run(v), values: () => all.all() as number[] };
  // Two queries stand in for the store's many: the wrapper treats every query alike.
  store = asyncSqliteStore(db, rows as unknown as StoreQueries) as Store & Rows;
});
afterEach(() => store.close());

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('transactions on the shared SQLite connection', () => {
  it("keep another request's write out of a transaction that rolls back, time after time", async () => {
    for (let round = 0; round < 3; round++) {
      let inside!: () => void;
      const begun = new Promise<void>((r) => (inside = r));
      const failing = store.transaction(async () => {
        await store.add(100 + round);
        inside();
        await tick();
        throw new Error('rolled back');
      });
      await begun;
      // Another request writes while the transaction is open: it must wait, not join it.
      const other = store.add(round);
      await expect(failing).rejects.toThrow('rolled back');
      await other;
    }
    expect(await store.values()).toEqual([0, 1, 2]);
  });

  it('let calls made inside a transaction (and nested transactions) run in it, after others ended', async () => {
    await store.transaction(async () => {
      await store.add(1);
    });
    await store.add(2);
    await store.transaction(async () => {
      await store.add(3);
      await tick();
      await store.transaction(async () => {
        await store.add(4);
      });
      expect(await store.values()).toEqual([1, 2, 3, 4]);
    });
    expect(await store.values()).toEqual([1, 2, 3, 4]);
  });
});
