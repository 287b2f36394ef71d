import { describe, expect, it } from 'vitest';
import { createFrameLoop } from '../../../src/scanner/frame-loop.ts';
import type { Effort } from '../../../src/scanner/messages.ts';

/** A hand-cranked clock: each `tick()` runs the callbacks scheduled so far. */
function manualClock() {
  let queue: (() => void)[] = [];
  return {
    nextTick(cb: () => void) {
      queue.push(cb);
      return () => {
        queue = queue.filter((q) => q !== cb);
      };
    },
    async tick() {
      const run = queue;
      queue = [];
      for (const cb of run) cb();
      await flush();
    },
    get pending() {
      return queue.length;
    },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('frame loop', () => {
  it('keeps one frame in flight: no frame is grabbed while a decode is pending', async () => {
    const clock = manualClock();
    const pending = deferred<string | null>();
    let grabs = 0;
    const loop = createFrameLoop({
      grab: () => ++grabs,
      decode: () => pending.promise,
      onHit: () => {},
      nextTick: clock.nextTick,
    });
    loop.start();
    await clock.tick();
    expect(grabs).toBe(1);
    expect(clock.pending).toBe(0); // nothing scheduled while decoding
    await clock.tick();
    await clock.tick();
    expect(grabs).toBe(1);
    pending.resolve(null);
    await flush();
    expect(clock.pending).toBe(1);
    await clock.tick();
    expect(grabs).toBe(2);
  });

  it('gives every 4th frame a thorough effort (full, then a deep pass) and the others the fast one', async () => {
    const clock = manualClock();
    const efforts: Effort[] = [];
    const loop = createFrameLoop({
      grab: () => 'frame',
      decode: async (_f, effort) => {
        efforts.push(effort);
        return null;
      },
      onHit: () => {},
      nextTick: clock.nextTick,
    });
    loop.start();
    for (let i = 0; i < 8; i++) await clock.tick();
    expect(efforts).toEqual(['fast', 'fast', 'fast', 'full', 'fast', 'fast', 'fast', 'deep-fine']);
  });

  it('does not count a missing frame (video not ready) towards the full-effort rhythm', async () => {
    const clock = manualClock();
    const efforts: Effort[] = [];
    let n = 0;
    const loop = createFrameLoop({
      grab: () => (n++ % 2 === 0 ? null : 'frame'),
      decode: async (_f, effort) => {
        efforts.push(effort);
        return null;
      },
      onHit: () => {},
      nextTick: clock.nextTick,
    });
    loop.start();
    for (let i = 0; i < 8; i++) await clock.tick();
    expect(efforts).toEqual(['fast', 'fast', 'fast', 'full']);
    expect(loop.frames).toBe(4);
  });

  it('stops after the first result and reports it once', async () => {
    const clock = manualClock();
    const hits: string[] = [];
    let decodes = 0;
    const loop = createFrameLoop({
      grab: () => 'frame',
      decode: async () => (++decodes === 2 ? 'plate' : null),
      onHit: (h) => hits.push(h),
      nextTick: clock.nextTick,
    });
    loop.start();
    for (let i = 0; i < 6; i++) await clock.tick();
    expect(hits).toEqual(['plate']);
    expect(decodes).toBe(2);
    expect(loop.running).toBe(false);
    expect(clock.pending).toBe(0);
  });

  it('drops a result that arrives after stop() and schedules nothing more', async () => {
    const clock = manualClock();
    const pending = deferred<string | null>();
    const hits: string[] = [];
    const loop = createFrameLoop({
      grab: () => 'frame',
      decode: () => pending.promise,
      onHit: (h) => hits.push(h),
      nextTick: clock.nextTick,
    });
    loop.start();
    await clock.tick();
    loop.stop();
    pending.resolve('plate');
    await flush();
    expect(hits).toEqual([]);
    expect(clock.pending).toBe(0);
  });

  it('cancels the scheduled tick on stop()', async () => {
    const clock = manualClock();
    let grabs = 0;
    const loop = createFrameLoop({
      grab: () => ++grabs,
      decode: async () => null,
      onHit: () => {},
      nextTick: clock.nextTick,
    });
    loop.start();
    loop.stop();
    await clock.tick();
    expect(grabs).toBe(0);
  });

  it('keeps scanning after a decoder error', async () => {
    const clock = manualClock();
    const errors: unknown[] = [];
    let decodes = 0;
    const loop = createFrameLoop({
      grab: () => 'frame',
      decode: async () => {
        if (++decodes === 1) throw new Error('wasm trap');
        return 'plate';
      },
      onHit: () => {},
      onError: (e) => errors.push(e),
      nextTick: clock.nextTick,
    });
    loop.start();
    await clock.tick();
    await clock.tick();
    expect(errors).toHaveLength(1);
    expect(decodes).toBe(2);
  });
});
