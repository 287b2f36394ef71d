import http from 'node:http';
import { createRng } from '../../src/server/seed/prng.ts';

// Latency at a given rate, measured the way shoppers load a service: requests arrive on their own
// schedule (a Poisson process, as independent people do), whether or not earlier ones have been
// answered, and each one's latency counts from when it was due, so a slow answer that delays the
// generator is not hidden (coordinated omission).
//
// Why not autocannon's `overallRate`: it gives each connection a quota per second and resets all
// quotas together on a one-second timer, so each second starts with every connection sending its
// whole quota back to back and ends idle. Its "200 req/s" is a burst of 200 requests over 10
// connections at the top of each second, and its p99 the queue of that burst.

export type OpenLoopRequest = { method?: string; path: string; headers?: Record<string, string> };
/** What a load run reports: the fields of autocannon's result the benches read, filled the same way here. */
export type LoadResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  [status: string]: unknown;
};

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]! : Number.NaN;

export async function openLoop(opts: {
  url: string;
  rate: number;
  seconds: number;
  next: (i: number) => OpenLoopRequest;
  timeoutMs?: number;
  seed?: number;
}): Promise<LoadResult> {
  const target = new URL(opts.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const random = createRng(opts.seed ?? 1402).next;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const latencies: number[] = [];
  const codes = new Map<string, number>();
  let errors = 0;
  let timeouts = 0;
  const inFlight = new Set<Promise<void>>();

  const send = (due: number, req: OpenLoopRequest) =>
    new Promise<void>((done) => {
      const r = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: req.method ?? 'GET',
          path: req.path,
          headers: req.headers,
          timeout: timeoutMs,
        },
        (res) => {
          res.on('data', () => {});
          res.on('end', () => {
            latencies.push(performance.now() - due);
            const code = `${String(res.statusCode).slice(0, 1)}xx`;
            codes.set(code, (codes.get(code) ?? 0) + 1);
            done();
          });
        },
      );
      let timedOut = false;
      r.on('timeout', () => {
        timedOut = true;
        timeouts++;
        r.destroy();
      });
      r.on('error', () => {
        if (!timedOut) errors++;
        done();
      });
      r.end();
    });

  const start = performance.now();
  const end = start + opts.seconds * 1000;
  let due = start;
  let i = 0;
  while (true) {
    // Exponential gaps: the arrivals of a Poisson process at `rate` per second.
    due += (-Math.log(1 - random()) * 1000) / opts.rate;
    if (due >= end) break;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait - 0.5));
    const p = send(due, opts.next(i++));
    inFlight.add(p);
    void p.then(() => inFlight.delete(p));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    requests: { average: latencies.length / elapsed, total: latencies.length },
    latency: { p50: round(quantile(sorted, 0.5)), p99: round(quantile(sorted, 0.99)) },
    errors,
    timeouts,
    ...Object.fromEntries(codes),
  };
}
