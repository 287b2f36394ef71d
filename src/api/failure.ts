import type { Failure } from './client.ts';

// What a failed answer means, decided once for every caller: the outbox, the shop page, "me too"
// and the forms. Two questions: why it failed (the words the app shows; each kind has its text
// in the locales), and whether the same call may well succeed later.

/**
 * `offline`: no answer at all (no network, or the service unreachable). `timeout`: no complete
 * answer in time. `server`: the service failed or asked us to slow down. `notFound`: the service
 * knows no such thing. `request`: the service refused the request itself; its own description
 * says why.
 */
export type FailureKind = 'offline' | 'timeout' | 'server' | 'notFound' | 'request';

export function failureKind(f: Failure): FailureKind {
  if (f.status === 'network-error') return 'offline';
  // 408: the HTTP spec's own "took too long"; like 429 and 5xx it is about the moment, not the request.
  if (f.status === 'timeout' || f.httpStatus === 408) return 'timeout';
  if (f.status === 'server-error' || f.status === 'rate-limited') return 'server';
  if (f.httpStatus !== undefined && f.httpStatus >= 500) return 'server';
  if (f.status === 'not-found') return 'notFound';
  return 'request';
}

/** A passing fault: the same call may succeed later. A refusal or an unknown GLN answers the same again. */
export function isTransient(f: Failure | FailureKind): boolean {
  const kind = typeof f === 'string' ? f : failureKind(f);
  return kind === 'offline' || kind === 'timeout' || kind === 'server';
}

/**
 * What the caller does:
 * - `retry`: a passing fault and nothing better to show; try again (the outbox on its schedule, a
 *   page with its "try again" button);
 * - `use-cache`: a passing fault, and a saved copy is the best answer meanwhile;
 * - `tell-user`: the service's word about the request itself; a person must read it and decide;
 * - `give-up`: the same, for work nobody is waiting for (a background refresh): keep what we had.
 */
export type FailureAdvice = 'retry' | 'use-cache' | 'tell-user' | 'give-up';

export function adviceFor(f: Failure, ctx: { cached?: boolean; background?: boolean } = {}): FailureAdvice {
  if (isTransient(f)) return ctx.cached ? 'use-cache' : 'retry';
  return ctx.background ? 'give-up' : 'tell-user';
}

/** Codes of the failures the client makes itself (no answer, or none it could read). */
const CLIENT_CODES = new Set(['network', 'timeout', 'bad-response']);

/**
 * The service's own explanation, when it gave one: the best words for a refusal. Undefined when
 * there was no usable answer; the app then explains the failure by its kind, from the locales.
 */
export function serviceWords(f: Failure): string | undefined {
  const own = f.errors.filter((e) => !CLIENT_CODES.has(e.code));
  return own.length > 0 ? own.map((e) => e.description).join(' ') : undefined;
}
