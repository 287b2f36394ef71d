import type { ApiError } from './errors.ts';
import type { LicenceRecord, LocationComplaintCounts, LocationRecord, NearbyResult } from './location.ts';
import type { MediaUploadResult } from './media.ts';
import type {
  PlaceSupportResult,
  Service,
  ServiceDefinition,
  ServiceRequest,
  ServiceRequestCreated,
  ServiceRequestInput,
  ServiceRequestUpdateCreated,
  ServiceRequestUpdateInput,
  SupportResult,
} from './open311.ts';
import type { ProductRecord } from './product.ts';
import type { UnionQueue } from './union.ts';

// The app's only door to the service. Type-only imports keep zod out of the app bundle. Every
// outcome, including a dead network or a timeout, is a value: pages switch on `status`.

export type FailureStatus =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'rate-limited'
  | 'server-error'
  | 'network-error'
  | 'timeout';

export type Failure = { status: FailureStatus; httpStatus?: number; errors: ApiError; retryAfter?: number };
export type Ok<T> = { status: 'ok'; data: T };
export type ApiResult<T> = Ok<T> | Failure;

export type LocationResult =
  | { status: 'ok'; record: LocationRecord; etag?: string }
  | { status: 'not-modified' }
  | Failure;

export type ProductResult =
  | { status: 'ok'; record: ProductRecord; etag?: string }
  | { status: 'not-modified' }
  | Failure;

export type ApiClientOptions = {
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** Per-request timeout; a slow answer becomes `{status: 'timeout'}`. */
  timeoutMs?: number;
};

type Call = {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: BodyInit;
  signal?: AbortSignal;
};

const NETWORK_ERROR: ApiError = [
  { code: 'network', description: 'اتصال به سرور برقرار نشد. اینترنت را بررسی کنید و دوباره تلاش کنید.' },
];
const TIMEOUT_ERROR: ApiError = [
  { code: 'timeout', description: 'سرور به‌موقع پاسخ نداد. کمی بعد دوباره تلاش کنید.' },
];
/** The answer could not be understood (also used by callers that judge an answer unusable). */
export const BAD_RESPONSE: ApiError = [
  { code: 'bad-response', description: 'پاسخ سرور قابل فهم نبود. کمی بعد دوباره تلاش کنید.' },
];

function statusOf(http: number): FailureStatus {
  if (http === 400 || http === 422) return http === 422 ? 'conflict' : 'bad-request';
  if (http === 401) return 'unauthorized';
  if (http === 403) return 'forbidden';
  if (http === 404 || http === 410) return 'not-found';
  if (http === 409) return 'conflict';
  if (http === 413) return 'too-large';
  if (http === 429) return 'rate-limited';
  if (http >= 500) return 'server-error';
  return 'bad-request';
}

function isApiError(body: unknown): body is ApiError {
  return (
    Array.isArray(body) &&
    body.length > 0 &&
    body.every((e) => e && typeof e.code === 'string' && typeof e.description === 'string')
  );
}

async function failureFrom(res: Response): Promise<Failure> {
  const body = await res.json().catch(() => null);
  const retry = Number(res.headers.get('retry-after'));
  return {
    status: statusOf(res.status),
    httpStatus: res.status,
    errors: isApiError(body) ? body : BAD_RESPONSE,
    ...(Number.isFinite(retry) && retry > 0 ? { retryAfter: retry } : {}),
  };
}

const seg = encodeURIComponent;

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const timeoutMs = options.timeoutMs ?? 15000;

  /** Runs one request; returns the Response or a network/timeout failure. */
  async function send(call: Call): Promise<Response | Failure> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    call.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await fetchImpl(baseUrl + call.path, {
        method: call.method ?? 'GET',
        headers: { Accept: 'application/json', ...call.headers },
        body: call.body,
        signal: controller.signal,
      });
    } catch {
      return timedOut
        ? { status: 'timeout', errors: TIMEOUT_ERROR }
        : { status: 'network-error', errors: NETWORK_ERROR };
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
    }
  }

  async function json<T>(call: Call): Promise<ApiResult<T>> {
    const res = await send(call);
    if (!(res instanceof Response)) return res;
    if (!res.ok) return failureFrom(res);
    try {
      return { status: 'ok', data: (await res.json()) as T };
    } catch {
      return { status: 'server-error', httpStatus: res.status, errors: BAD_RESPONSE };
    }
  }

  /** Open311 answers arrays of one; the app wants the one. */
  async function first<T>(call: Call): Promise<ApiResult<T>> {
    const r = await json<T[]>(call);
    if (r.status !== 'ok') return r;
    const item = Array.isArray(r.data) ? r.data[0] : undefined;
    return item === undefined
      ? { status: 'server-error', errors: BAD_RESPONSE }
      : { status: 'ok', data: item };
  }

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const jsonBody = (value: unknown) => ({
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(value),
  });

  return {
    async getLocation(
      gln: string,
      ext?: string,
      opts: { etag?: string; signal?: AbortSignal } = {},
    ): Promise<LocationResult> {
      const path = `/api/v1/locations/${seg(gln)}${ext ? `/${seg(ext)}` : ''}`;
      const res = await send({
        path,
        headers: opts.etag ? { 'If-None-Match': opts.etag } : {},
        signal: opts.signal,
      });
      if (!(res instanceof Response)) return res;
      if (res.status === 304) return { status: 'not-modified' };
      if (!res.ok) return failureFrom(res);
      try {
        const record = (await res.json()) as LocationRecord;
        return { status: 'ok', record, etag: res.headers.get('etag') ?? undefined };
      } catch {
        return { status: 'server-error', httpStatus: res.status, errors: BAD_RESPONSE };
      }
    },
    /** A product by GTIN (14 digits), revalidated with the saved copy's ETag. */
    async getProduct(
      gtin: string,
      opts: { etag?: string; signal?: AbortSignal } = {},
    ): Promise<ProductResult> {
      const res = await send({
        path: `/api/v1/products/${seg(gtin)}`,
        headers: opts.etag ? { 'If-None-Match': opts.etag } : {},
        signal: opts.signal,
      });
      if (!(res instanceof Response)) return res;
      if (res.status === 304) return { status: 'not-modified' };
      if (!res.ok) return failureFrom(res);
      try {
        const record = (await res.json()) as ProductRecord;
        return { status: 'ok', record, etag: res.headers.get('etag') ?? undefined };
      } catch {
        return { status: 'server-error', httpStatus: res.status, errors: BAD_RESPONSE };
      }
    },
    getLicence: (id: string, signal?: AbortSignal) =>
      json<LicenceRecord>({ path: `/api/v1/licenses/${seg(id)}`, signal }),
    nearby: (lat: number, lng: number, radius = 300, signal?: AbortSignal) =>
      json<NearbyResult>({
        path: `/api/v1/locations?near=${lat},${lng}&radius=${Math.round(radius)}`,
        signal,
      }),
    complaintCounts: (gln: string, signal?: AbortSignal) =>
      json<LocationComplaintCounts>({ path: `/api/v1/complaint-counts/${seg(gln)}`, signal }),
    services: (signal?: AbortSignal) => json<Service[]>({ path: '/open311/v2/services.json', signal }),
    serviceDefinition: (code: string, signal?: AbortSignal) =>
      json<ServiceDefinition>({ path: `/open311/v2/services/${seg(code)}.json`, signal }),
    /** The key makes a retried submission land once; reuse it for every retry of one complaint. */
    createRequest: (input: ServiceRequestInput, idempotencyKey: string) =>
      first<ServiceRequestCreated>({
        path: '/open311/v2/requests.json',
        method: 'POST',
        ...jsonBody(input),
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
      }),
    getRequest: (id: string, token: string, signal?: AbortSignal) =>
      first<ServiceRequest>({ path: `/open311/v2/requests/${seg(id)}.json`, headers: bearer(token), signal }),
    postUpdate: (input: ServiceRequestUpdateInput, token: string, idempotencyKey?: string) =>
      first<ServiceRequestUpdateCreated>({
        path: '/open311/v2/servicerequestupdates.json',
        method: 'POST',
        body: JSON.stringify(input),
        headers: {
          'Content-Type': 'application/json',
          ...bearer(token),
          ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
        },
      }),
    /** "Me too" from another device; counted once per device id. */
    support: (id: string, deviceId: string) =>
      json<SupportResult>({
        path: `/open311/v2/requests/${seg(id)}/support.json`,
        method: 'POST',
        ...jsonBody({ device_id: deviceId }),
      }),
    /**
     * "Me too" by shop and category, for a device that cannot know the complaint's id: backs the
     * oldest open one there. 404 (`not-found`) when none is open.
     */
    supportByPlace: (gln: string, serviceCode: string, deviceId: string) =>
      json<PlaceSupportResult>({
        path: '/open311/v2/support.json',
        method: 'POST',
        ...jsonBody({ address_id: gln, service_code: serviceCode, device_id: deviceId }),
      }),
    /** Where a stored photo can be fetched: media URLs are paths on the service. */
    mediaHref: (url: string) => (/^https?:\/\//.test(url) ? url : baseUrl + url),
    uploadMedia: (blob: Blob) =>
      json<MediaUploadResult>({
        path: '/api/v1/media',
        method: 'POST',
        headers: { 'Content-Type': blob.type || 'application/octet-stream' },
        body: blob,
      }),
    unionQueue: (token: string, signal?: AbortSignal) =>
      json<UnionQueue>({ path: '/open311/v2/union/requests.json', headers: bearer(token), signal }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
