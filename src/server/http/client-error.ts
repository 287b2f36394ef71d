// Errors that a client causes by what it sends (a malformed chunked body, a connection cut while
// the body was read) rather than faults of the service. Node's HTTP parser names them HPE_*, a
// cut stream ECONNRESET or "aborted"; Hono wraps some as the `cause` of its own error.

const CODES = /^(?:HPE_|ECONNRESET$|ECONNABORTED$|ERR_STREAM_PREMATURE_CLOSE$)/;

export function isClientError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof e.code === 'string' && CODES.test(e.code)) return true;
  if (e.message === 'aborted') return true;
  return isClientError(e.cause, depth + 1);
}
