import { describe, expect, it } from 'vitest';
import type { Failure, FailureStatus } from '../../../src/api/client.ts';
import { adviceFor, failureKind, isTransient, serviceWords } from '../../../src/api/failure.ts';

// One classification of a failed answer, read by the outbox, the shop page, "me too" and the forms.

const f = (status: FailureStatus, httpStatus?: number, code = 'x'): Failure => ({
  status,
  httpStatus,
  errors: [{ code, description: `service says ${code}` }],
});

describe('what a failure means', () => {
  it.each([
    [f('network-error', undefined, 'network'), 'offline', 'retry'],
    [f('timeout', undefined, 'timeout'), 'timeout', 'retry'],
    // RFC 9110 §15.5.9: 408 "the server did not receive a complete request message within the time
    // that it was prepared to wait"; "If the client has an outstanding request in transit, it MAY
    // repeat that request."
    [f('bad-request', 408), 'timeout', 'retry'],
    [f('server-error', 503), 'server', 'retry'],
    [f('rate-limited', 429), 'server', 'retry'],
    [f('not-found', 404), 'notFound', 'tell-user'],
    [f('bad-request', 400), 'request', 'tell-user'],
    [f('conflict', 422), 'request', 'tell-user'],
    [f('unauthorized', 401), 'request', 'tell-user'],
    [f('too-large', 413), 'request', 'tell-user'],
  ] as const)('%o is %s, advice %s', (failure, kind, advice) => {
    expect(failureKind(failure)).toBe(kind);
    expect(adviceFor(failure)).toBe(advice);
    expect(isTransient(failure)).toBe(advice === 'retry');
  });

  it('a saved copy stands in only for a passing fault; background work gives up on a refusal', () => {
    expect(adviceFor(f('timeout'), { cached: true })).toBe('use-cache');
    expect(adviceFor(f('server-error', 500), { cached: true })).toBe('use-cache');
    expect(adviceFor(f('not-found', 404), { cached: true })).toBe('tell-user');
    expect(adviceFor(f('bad-request', 400), { background: true })).toBe('give-up');
  });

  it("the service's own words are kept; the client's own failures have none", () => {
    expect(serviceWords(f('conflict', 422, 'invalid-transition'))).toBe('service says invalid-transition');
    expect(serviceWords(f('network-error', undefined, 'network'))).toBeUndefined();
    expect(serviceWords(f('server-error', 502, 'bad-response'))).toBeUndefined();
  });
});
