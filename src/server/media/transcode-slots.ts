// Re-encoding a video takes a core for seconds, so only a few run at once (TRANSCODE_CONCURRENCY,
// default 1) and a few more may wait; beyond that an upload is answered 503 with Retry-After at
// once, and the app's outbox tries again later, rather than piling work on a busy machine.

export type Slots = { take(): Promise<(() => void) | undefined> };

export function transcodeSlots(running: number, waiting: number): Slots {
  let busy = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else busy--;
  };
  return {
    async take() {
      if (busy < running) {
        busy++;
        return release;
      }
      if (queue.length >= waiting) return undefined;
      await new Promise<void>((r) => queue.push(r));
      return release;
    },
  };
}
