import type { Effort } from './messages.ts';
import { effortForFrame, FULL_EFFORT_EVERY } from './reader-options.ts';

// The scan loop, free of the browser so its scheduling is tested in Node: one frame in flight at
// a time (a slow decode never queues a backlog of stale frames), every Nth frame a thorough one
// (src/scanner/reader-options.ts), and nothing more once a result arrives or the loop is stopped.

export type FrameLoopDeps<F, H> = {
  /** The current camera frame, or null when none is ready (video paused, not yet playing). */
  grab(): Promise<F | null> | F | null;
  decode(frame: F, effort: Effort): Promise<H | null>;
  onHit(hit: H): void;
  onError?(error: unknown): void;
  /** Runs `cb` at the next frame time (requestAnimationFrame, a timer in tests); returns a canceller. */
  nextTick(cb: () => void): () => void;
  fullEvery?: number;
};

export type FrameLoop = {
  start(): void;
  stop(): void;
  readonly running: boolean;
  /** Frames handed to the decoder so far. */
  readonly frames: number;
};

export function createFrameLoop<F, H>(deps: FrameLoopDeps<F, H>): FrameLoop {
  const every = deps.fullEvery ?? FULL_EFFORT_EVERY;
  let running = false;
  let inFlight = false;
  let frames = 0;
  let cancelTick: (() => void) | null = null;

  const schedule = () => {
    if (!running || inFlight || cancelTick) return;
    cancelTick = deps.nextTick(() => {
      cancelTick = null;
      void step();
    });
  };

  async function step(): Promise<void> {
    if (!running || inFlight) return;
    inFlight = true;
    try {
      const frame = await deps.grab();
      if (frame !== null && running) {
        const effort = effortForFrame(frames, every);
        frames++;
        const hit = await deps.decode(frame, effort);
        if (hit !== null && running) {
          running = false;
          deps.onHit(hit);
        }
      }
    } catch (error) {
      deps.onError?.(error);
    } finally {
      inFlight = false;
      schedule();
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      schedule();
    },
    stop() {
      running = false;
      cancelTick?.();
      cancelTick = null;
    },
    get running() {
      return running;
    },
    get frames() {
      return frames;
    },
  };
}
