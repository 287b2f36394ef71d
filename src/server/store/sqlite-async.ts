import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { Async, Store, StoreQueries } from './types.ts';

// SQLite answers synchronously on one connection; handlers await. A transaction that spans awaits
// cannot use better-sqlite3's own (synchronous) wrapper, so it is opened by hand, and while it is
// open every call that is not part of it waits: otherwise another request's write, run on the same
// connection, would silently join it. Calls made inside it are recognised through
// AsyncLocalStorage, so callers pass nothing around.
//
// While any AsyncLocalStorage is enabled, Node (20) runs a hook on every promise the process
// makes, and a lookup makes many: measured, a fifth of a cached lookup's CPU time. The storage is
// needed only while a transaction is open (outside one, no call has anything to wait for), so it
// is enabled by the transaction's `run` and disabled again once no transaction is open.

export function asyncSqliteStore(db: Database.Database, queries: StoreQueries): Store {
  // Inside a transaction: what waits for its commit (see Store.afterCommit).
  const inside = new AsyncLocalStorage<(() => void)[]>();
  let open: Promise<void> | undefined;

  async function turn(): Promise<() => void> {
    while (open) await open;
    let release!: () => void;
    open = new Promise<void>((r) => {
      release = () => {
        open = undefined;
        r();
      };
    });
    return release;
  }

  const call =
    <A extends unknown[], R>(f: (...a: A) => R) =>
    async (...args: A): Promise<R> => {
      if (open && !inside.getStore()) while (open) await open;
      return f(...args);
    };

  const wrapped = Object.fromEntries(
    Object.entries(queries).map(([name, f]) => [name, call(f as (...a: unknown[]) => unknown)]),
  ) as Async<StoreQueries>;

  return {
    ...wrapped,
    async transaction<T>(fn: () => Promise<T>): Promise<T> {
      if (inside.getStore()) return fn();
      const release = await turn();
      const committed: (() => void)[] = [];
      try {
        return await inside.run(committed, async () => {
          db.exec('BEGIN IMMEDIATE');
          try {
            const result = await fn();
            db.exec('COMMIT');
            for (const f of committed) f();
            return result;
          } catch (error) {
            if (db.inTransaction) db.exec('ROLLBACK');
            throw error;
          }
        });
      } finally {
        release();
        // No transaction is open now: the next one's `run` enables the storage again.
        inside.disable();
      }
    },
    afterCommit(f) {
      const waiting = inside.getStore();
      if (waiting) waiting.push(f);
      else f();
    },
    close: async () => {
      while (open) await open;
      db.close();
    },
  };
}
