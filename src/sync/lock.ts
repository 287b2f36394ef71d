// One flush at a time across tabs and the service worker: the Web Locks API where the browser has
// it (page and worker share it), otherwise only within this context. The server's idempotency key
// makes a double send harmless anyway; the lock just avoids the wasted upload.
//
// The holder gets a lease, not the lock for ever: if it does not renew the lease in time (one
// request stuck where no deadline reaches it), the lease's signal aborts its work and the lock is
// given back, so every later submission, `online`, focus, timer and Background Sync can go on.

type LockManagerLike = {
  request<T>(name: string, opts: { ifAvailable: boolean }, cb: (lock: unknown) => Promise<T>): Promise<T>;
};

export type Lease = {
  /** Aborted when the lease ran out: stop, the lock is no longer yours. */
  signal: AbortSignal;
  /** Another `leaseMs` from now (call it before each piece of work that may take long). */
  renew(): void;
};

/** Long enough for one outbox entry (its photos and the request, each under its own deadline). */
export const LEASE_MS = 2 * 60_000;

let running: Promise<unknown> | undefined;

function leased<T>(fn: (lease: Lease) => Promise<T>, leaseMs: number): Promise<T | undefined> {
  const controller = new AbortController();
  return new Promise<T | undefined>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const renew = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        controller.abort();
        resolve(undefined);
      }, leaseMs);
    };
    renew();
    fn({ signal: controller.signal, renew })
      .then(resolve, reject)
      .finally(() => clearTimeout(timer));
  });
}

/**
 * Runs `fn` holding the named lock; returns `undefined` without running it if someone else holds
 * it, or when `fn` let its lease run out.
 */
export async function withExclusiveLock<T>(
  name: string,
  fn: (lease: Lease) => Promise<T>,
  leaseMs = LEASE_MS,
): Promise<T | undefined> {
  if (running) return undefined;
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  const task = locks
    ? locks.request(name, { ifAvailable: true }, async (lock) => (lock ? leased(fn, leaseMs) : undefined))
    : leased(fn, leaseMs);
  running = task;
  try {
    return await task;
  } finally {
    running = undefined;
  }
}
