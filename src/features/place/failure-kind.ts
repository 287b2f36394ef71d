import type { Failure } from '../../api/client.ts';

/** How a failed lookup is explained; each kind has its own title and next step. */
export type FailureKind = 'notFound' | 'offline' | 'timeout' | 'server' | 'request';

export function failureKind(f: Failure): FailureKind {
  if (f.status === 'not-found') return 'notFound';
  if (f.status === 'network-error') return 'offline';
  if (f.status === 'timeout') return 'timeout';
  if (f.status === 'server-error' || f.status === 'rate-limited') return 'server';
  return 'request';
}

/** Only a passing fault is worth retrying; a refusal or an unknown GLN will answer the same again. */
export const isRetryable = (kind: FailureKind) =>
  kind === 'offline' || kind === 'timeout' || kind === 'server';
