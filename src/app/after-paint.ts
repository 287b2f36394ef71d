// Work the shell starts once the first screen is up: complaint delivery and reply checks
// (which bring Dexie, about 30 KB), and the request for persistent storage. Dynamic imports keep
// all of it out of first paint.

function whenIdle(run: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 300);
}

/** `after`: what must come first (on a shop page, its record on screen: see early-record.ts). */
export function startAfterPaint(after: Promise<unknown> = Promise.resolve()): void {
  const start = () =>
    whenIdle(() => {
      void import('../sync/start.ts').then((m) => m.startSync());
      void import('../db/persistence.ts').then((m) => m.persistIfWorthIt());
      void import('../features/complaints/filing/warm-services.ts').then((m) => m.warmComplaintServices());
    });
  after.then(start, start);
}
