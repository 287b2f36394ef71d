import { API_BASE_URL } from './base-url.ts';
import type { ApiResult, Failure } from './client.ts';
import type { ApiError } from './errors.ts';
import { CSRF_HEADER, DESK_SESSION, type DeskSession, type SignIn } from './staff.ts';

// The desk's door to the service. The session cookie rides along by itself (same origin,
// HttpOnly); this client adds the session's CSRF token to every write, and when the service says
// the session is gone it tells the desk, which sends the person to sign in. Every outcome is a
// value, as in the shopper's client. Type-only imports keep zod out of the desk's chunk.

export type DeskClientOptions = {
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  /** Called when the service answers that no session is live (signed out, expired, disabled). */
  onSignedOut?: () => void;
};

const NETWORK: ApiError = [{ code: 'network', description: 'The service could not be reached.' }];
const TIMEOUT: ApiError = [{ code: 'timeout', description: 'The service did not answer in time.' }];
const BAD: ApiError = [{ code: 'bad-response', description: 'The answer could not be understood.' }];

function statusOf(http: number): Failure['status'] {
  if (http === 401) return 'unauthorized';
  if (http === 403) return 'forbidden';
  if (http === 404) return 'not-found';
  if (http === 409 || http === 422) return 'conflict';
  if (http === 413) return 'too-large';
  if (http === 429) return 'rate-limited';
  if (http >= 500) return 'server-error';
  return 'bad-request';
}

export type DeskClient = ReturnType<typeof createDeskClient>;

export function createDeskClient(opts: DeskClientOptions = {}) {
  const base = opts.baseUrl ?? API_BASE_URL;
  const doFetch = opts.fetch ?? ((...a: Parameters<typeof fetch>) => globalThis.fetch(...a));
  let csrf: string | undefined;

  async function call<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && method !== 'HEAD' && csrf) headers[CSRF_HEADER] = csrf;
    const timeout = AbortSignal.timeout(opts.timeoutMs ?? 20_000);
    let res: Response;
    try {
      res = await doFetch(base + path, {
        method,
        headers,
        credentials: 'same-origin',
        signal: timeout,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      return {
        status: timeout.aborted ? 'timeout' : 'network-error',
        errors: timeout.aborted ? TIMEOUT : NETWORK,
      };
    }
    if (res.status === 204) return { status: 'ok', data: undefined as T };
    const parsed: unknown = await res.json().catch(() => undefined);
    if (res.ok)
      return parsed === undefined
        ? { status: 'bad-request', errors: BAD }
        : { status: 'ok', data: parsed as T };
    const errors = Array.isArray(parsed) && parsed.length > 0 ? (parsed as ApiError) : BAD;
    if (res.status === 401 && errors[0]?.code === 'desk-sign-in-needed') {
      csrf = undefined;
      opts.onSignedOut?.();
    }
    const retry = Number(res.headers.get('retry-after'));
    return {
      status: statusOf(res.status),
      httpStatus: res.status,
      errors,
      ...(retry > 0 ? { retryAfter: retry } : {}),
    };
  }

  /** Remembers the session's CSRF token from an answer that carries one. */
  const keep = (r: ApiResult<DeskSession>) => {
    if (r.status === 'ok') csrf = r.data.csrf_token;
    return r;
  };

  return {
    signIn: async (body: SignIn) => keep(await call<DeskSession>('POST', DESK_SESSION, body)),
    /** The current session; a 401 here is an ordinary answer (nobody signed in), not a sign-out. */
    session: async () => keep(await call<DeskSession>('GET', DESK_SESSION)),
    signOut: async () => {
      const r = await call<void>('DELETE', DESK_SESSION);
      csrf = undefined;
      return r;
    },
    get: <T>(path: string) => call<T>('GET', path),
    send: <T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) =>
      call<T>(method, path, body),
  };
}
