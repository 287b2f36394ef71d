// One flush at a time across tabs and the service worker: the Web Locks API where the browser has
// it (page and worker share it), otherwise only within this context. The server's idempotency key
// makes a double send harmless anyway; the lock just avoids the wasted upload.

type LockManagerLike = {
  request<T>(name: string, opts: { ifAvailable: boolean }, cb: (lock: unknown) => Promise<T>): Promise<T>;
};

let running: Promise<unknown> | undefined;

/** Runs `fn` holding the named lock; returns `undefined` without running it if someone else holds it. */
export async function withExclusiveLock<T>(name: string, fn: () => Promise<T>): Promise<T | undefined> {
  if (running) return undefined;
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  const task = locks
    ? locks.request(name, { ifAvailable: true }, async (lock) => (lock ? fn() : undefined))
    : fn();
  running = task;
  try {
    return await task;
  } finally {
    running = undefined;
  }
}
