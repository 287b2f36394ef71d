import type { Failure } from '../api/client.ts';

// What a failed delivery means for the outbox. A 4xx says the request itself is wrong and sending
// it again will not help; the reporter must see why. 408 (timeout) and 429 (slow down) are the
// exceptions the HTTP spec makes retryable. 5xx, network and timeout failures are transient.

export type Verdict = 'retry' | 'permanent';

export function verdictOf(f: Failure): Verdict {
  if (f.status === 'network-error' || f.status === 'timeout' || f.status === 'server-error') return 'retry';
  if (f.status === 'rate-limited') return 'retry';
  const http = f.httpStatus;
  if (http === 408 || http === 429) return 'retry';
  if (http !== undefined && http >= 500) return 'retry';
  return 'permanent';
}

/** One line for `lastError`, in the service's own Persian. */
export function describe(f: Failure): string {
  return f.errors.map((e) => e.description).join(' ');
}
