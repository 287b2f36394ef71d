import type { ApiError } from './errors.ts';
import { installTokenSource } from './install-token.ts';
import type { Linkset } from './linkset.ts';
import type { LicenceRecord, LocationComplaintCounts, LocationRecord, NearbyResult } from './location.ts';
import type { MapSource } from './map.ts';
import { MAP_SOURCE_PATH } from './map-paths.ts';
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
import type { ShopOutcomes } from './outcomes.ts';
import { OUTCOMES_API } from './outcomes-paths.ts';
import type { ProductRecord } from './product.ts';
import type { PushKey, PushSubscribeInput } from './push.ts';
import { PUSH_API } from './push-paths.ts';
import type { PlateReadingInput, PlateReadingResult } from './trust.ts';
import { plateReadingPath } from './trust-paths.ts';
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
  /**
   * One deadline for every call instead of each call's own (tests use a short one). A call that
   * has not finished reading its answer by then becomes `{status: 'timeout'}`.
   */
  timeoutMs?: number;
  /** Send the app install's token on writes (install-token.ts); the app's own client does. */
  installs?: boolean;
};

/** Per call: a caller's own abort (a page going away) and, rarely, a deadline of its own. */
export type CallOptions = { signal?: AbortSignal; timeoutMs?: number };

/**
 * How long each kind of call may take, from sending the request to the last byte of the answer.
 * A shop page is opened standing in the shop, often on a weak connection: after 4 s the cached
 * copy (if any) is a better answer than a spinner. A complaint with photos on a weak connection
 * takes a while, and the outbox retries anyway.
 */
export const CALL_TIMEOUT_MS = { lookup: 4_000, read: 20_000, write: 20_000 } as const;

type Call = {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: BodyInit;
  timeoutMs: number;
  signal?: AbortSignal;
  cache?: RequestCache;
};

// Failures made here, not by the service: codes for the app to branch on (its words come from
// the locales, see failure.ts); the description is for logs and developers only.
const NETWORK_ERROR: ApiError = [{ code: 'network', description: 'The service could not be reached.' }];
const TIMEOUT_ERROR: ApiError = [{ code: 'timeout', description: 'The service did not answer in time.' }];
/** The answer could not be understood (also used by callers that judge an answer unusable). */
export const BAD_RESPONSE: ApiError = [
  { code: 'bad-response', description: 'The answer of the service could not be understood.' },
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
const TIMED_OUT: Failure = { status: 'timeout', errors: TIMEOUT_ERROR };
const UNREACHABLE: Failure = { status: 'network-error', errors: NETWORK_ERROR };

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));

  /** Every request the app makes is built here: the one place for headers every call carries. */
  function request(call: Call, signal: AbortSignal): Promise<Response> {
    // An absolute URL is a link a resolver gave us (a registry entry elsewhere); it is fetched as is.
    const url = /^https?:\/\//.test(call.path) ? call.path : baseUrl + call.path;
    return fetchImpl(url, {
      method: call.method ?? 'GET',
      headers: { Accept: 'application/json', ...call.headers },
      body: call.body,
      signal,
      ...(call.cache ? { cache: call.cache } : {}),
    });
  }

  const installs = options.installs ? installTokenSource(baseUrl, fetchImpl) : undefined;

  /**
   * A write carries the install token; a token the service no longer accepts (its key was
   * rotated) is renewed once. No token to be had over a dead network throws, which the caller
   * reports as a retryable network failure rather than a write it knows will be refused.
   */
  async function signedRequest(call: Call, signal: AbortSignal): Promise<Response> {
    if (!installs || (call.method ?? 'GET') === 'GET') return request(call, signal);
    const once = async (): Promise<Response> => {
      const got = await installs.header();
      if ('refused' in got) {
        if (got.refused) return got.refused; // the service's own 429 with Retry-After
        throw new TypeError('no install token');
      }
      return request({ ...call, headers: { ...got.headers, ...call.headers } }, signal);
    };
    const res = await once();
    if (res.status !== 401) return res;
    const body = (await res
      .clone()
      .json()
      .catch(() => null)) as ApiError | null;
    if (!isApiError(body) || body[0]?.code !== 'install-required') return res;
    await installs.forget();
    return once();
  }

  /**
   * Runs one exchange: the request, then `read` over the answer, under one deadline. The deadline
   * covers the body too: a peer that sends headers and then goes silent (ordinary on mobile
   * networks) must not hold the caller, and with it the outbox, for ever. The race is there for a
   * fetch that does not stop reading a body when it is aborted.
   */
  async function exchange<T>(
    call: Call,
    read: (res: Response) => Promise<T | Failure>,
  ): Promise<T | Failure> {
    const controller = new AbortController();
    let timedOut = false;
    let expire = () => {};
    const deadline = new Promise<Failure>((resolve) => {
      expire = () => resolve(TIMED_OUT);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
      expire();
    }, options.timeoutMs ?? call.timeoutMs);
    const onAbort = () => controller.abort();
    if (call.signal?.aborted) controller.abort();
    else call.signal?.addEventListener('abort', onAbort, { once: true });
    const work = (async (): Promise<T | Failure> => {
      let res: Response;
      try {
        res = await signedRequest(call, controller.signal);
      } catch {
        return timedOut ? TIMED_OUT : UNREACHABLE;
      }
      try {
        return await read(res);
      } catch {
        if (timedOut) return TIMED_OUT;
        if (controller.signal.aborted) return UNREACHABLE;
        return { status: 'server-error', httpStatus: res.status, errors: BAD_RESPONSE };
      }
    })();
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
    }
  }

  function json<T>(call: Call): Promise<ApiResult<T>> {
    return exchange<Ok<T>>(call, async (res) =>
      res.ok ? { status: 'ok', data: (await res.json()) as T } : failureFrom(res),
    );
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

  const { lookup, read, write } = CALL_TIMEOUT_MS;
  const timed = (timeoutMs: number, o: CallOptions = {}) => ({
    timeoutMs: o.timeoutMs ?? timeoutMs,
    signal: o.signal,
  });

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const jsonBody = (value: unknown) => ({
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(value),
  });

  return {
    getLocation(
      gln: string,
      ext?: string,
      opts: CallOptions & { etag?: string; fresh?: boolean } = {},
    ): Promise<LocationResult> {
      const path = `/api/v1/locations/${seg(gln)}${ext ? `/${seg(ext)}` : ''}`;
      return exchange<LocationResult>(
        {
          path,
          headers: opts.etag ? { 'If-None-Match': opts.etag } : {},
          // `fresh`: no validator of ours, yet the answer must be the service's, not an HTTP cache's
          // copy (a request carrying If-None-Match is not answered from that cache either).
          ...(opts.fresh ? { cache: 'no-cache' as const } : {}),
          ...timed(lookup, opts),
        },
        async (res) => {
          if (res.status === 304) return { status: 'not-modified' };
          if (!res.ok) return failureFrom(res);
          const record = (await res.json()) as LocationRecord;
          return { status: 'ok', record, etag: res.headers.get('etag') ?? undefined };
        },
      );
    },
    /**
     * The GS1 linkset of a GLN (and its AI 254 extension) from this client's resolver. GS1-Conformant
     * Resolver: "the resolver SHALL respond with the linkset ... if the request includes the
     * linkType=linkset query parameter"; Accept asks for it too. Its shape is checked by the caller.
     */
    getLinkset(gln: string, ext?: string, opts: CallOptions = {}): Promise<ApiResult<Linkset>> {
      const path = `/414/${seg(gln)}${ext ? `/254/${seg(ext)}` : ''}?linkType=linkset`;
      return json<Linkset>({
        path,
        headers: { Accept: 'application/linkset+json, application/json;q=0.9' },
        ...timed(lookup, opts),
      });
    },
    /**
     * A location record at a link a resolver gave (gs1:registryEntry). The answer is not trusted to
     * be ours: the caller checks its shape before using it.
     */
    getLocationAt(href: string, opts: CallOptions & { etag?: string } = {}): Promise<LocationResult> {
      return exchange<LocationResult>(
        { path: href, headers: opts.etag ? { 'If-None-Match': opts.etag } : {}, ...timed(lookup, opts) },
        async (res) => {
          if (res.status === 304) return { status: 'not-modified' };
          if (!res.ok) return failureFrom(res);
          const record = (await res.json()) as LocationRecord;
          return { status: 'ok', record, etag: res.headers.get('etag') ?? undefined };
        },
      );
    },
    /** A product by GTIN (14 digits), revalidated with the saved copy's ETag. */
    getProduct(gtin: string, opts: CallOptions & { etag?: string } = {}): Promise<ProductResult> {
      return exchange<ProductResult>(
        {
          path: `/api/v1/products/${seg(gtin)}`,
          headers: opts.etag ? { 'If-None-Match': opts.etag } : {},
          ...timed(lookup, opts),
        },
        async (res) => {
          if (res.status === 304) return { status: 'not-modified' };
          if (!res.ok) return failureFrom(res);
          const record = (await res.json()) as ProductRecord;
          return { status: 'ok', record, etag: res.headers.get('etag') ?? undefined };
        },
      );
    },
    getLicence: (id: string, o?: CallOptions) =>
      json<LicenceRecord>({ path: `/api/v1/licenses/${seg(id)}`, ...timed(lookup, o) }),
    nearby: (lat: number, lng: number, radius = 300, o?: CallOptions) =>
      json<NearbyResult>({
        path: `/api/v1/locations?near=${lat},${lng}&radius=${Math.round(radius)}`,
        ...timed(read, o),
      }),
    /** Where the map takes its tiles from, and whom it credits (src/api/map.ts). */
    mapSource: (o?: CallOptions) => json<MapSource>({ path: MAP_SOURCE_PATH, ...timed(read, o) }),
    complaintCounts: (gln: string, o?: CallOptions) =>
      json<LocationComplaintCounts>({ path: `/api/v1/complaint-counts/${seg(gln)}`, ...timed(lookup, o) }),
    /** What came of complaints against a shop (public, cached by the browser for a minute). */
    outcomes: (gln: string, o?: CallOptions) =>
      json<ShopOutcomes>({ path: OUTCOMES_API.shop(gln), ...timed(read, o) }),
    services: (o?: CallOptions) => json<Service[]>({ path: '/open311/v2/services.json', ...timed(read, o) }),
    serviceDefinition: (code: string, o?: CallOptions) =>
      json<ServiceDefinition>({ path: `/open311/v2/services/${seg(code)}.json`, ...timed(read, o) }),
    /** The key makes a retried submission land once; reuse it for every retry of one complaint. */
    createRequest: (input: ServiceRequestInput, idempotencyKey: string, o?: CallOptions) =>
      first<ServiceRequestCreated>({
        path: '/open311/v2/requests.json',
        method: 'POST',
        body: JSON.stringify(input),
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        ...timed(write, o),
      }),
    getRequest: (id: string, token: string, o?: CallOptions) =>
      first<ServiceRequest>({
        path: `/open311/v2/requests/${seg(id)}.json`,
        headers: bearer(token),
        ...timed(read, o),
      }),
    postUpdate: (input: ServiceRequestUpdateInput, token: string, idempotencyKey?: string, o?: CallOptions) =>
      first<ServiceRequestUpdateCreated>({
        path: '/open311/v2/servicerequestupdates.json',
        method: 'POST',
        body: JSON.stringify(input),
        headers: {
          'Content-Type': 'application/json',
          ...bearer(token),
          ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
        },
        ...timed(write, o),
      }),
    /** "Me too" from another device; counted once per device id. */
    support: (id: string, deviceId: string, o?: CallOptions) =>
      json<SupportResult>({
        path: `/open311/v2/requests/${seg(id)}/support.json`,
        method: 'POST',
        ...jsonBody({ device_id: deviceId }),
        ...timed(write, o),
      }),
    /**
     * "Me too" by shop and category, for a device that cannot know the complaint's id: backs the
     * oldest open one there. 404 (`not-found`) when none is open.
     */
    supportByPlace: (gln: string, serviceCode: string, deviceId: string, o?: CallOptions) =>
      json<PlaceSupportResult>({
        path: '/open311/v2/support.json',
        method: 'POST',
        ...jsonBody({ address_id: gln, service_code: serviceCode, device_id: deviceId }),
        ...timed(write, o),
      }),
    /** Where a stored photo can be fetched: media URLs are paths on the service. */
    mediaHref: (url: string) => (/^https?:\/\//.test(url) ? url : baseUrl + url),
    uploadMedia: (blob: Blob, o?: CallOptions) =>
      json<MediaUploadResult>({
        path: '/api/v1/media',
        method: 'POST',
        headers: { 'Content-Type': blob.type || 'application/octet-stream' },
        body: blob,
        ...timed(write, o),
      }),
    /** What the phone read at a shop's plate ("is this the right place?"), signed by the install. */
    plateReading: (gln: string, input: PlateReadingInput, o?: CallOptions) =>
      json<PlateReadingResult>({
        path: plateReadingPath(seg(gln)),
        method: 'POST',
        ...jsonBody(input),
        ...timed(write, o),
      }),
    /** The service's VAPID public key, for PushManager.subscribe. */
    pushKey: (o?: CallOptions) => json<PushKey>({ path: PUSH_API.key, ...timed(read, o) }),
    /** This browser hears about one complaint (the reporter's token proves it is theirs). */
    pushSubscribe: (input: PushSubscribeInput, token: string, o?: CallOptions) =>
      json<{ service_request_id: string }>({
        path: PUSH_API.subscriptions,
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', ...bearer(token) },
        body: JSON.stringify(input),
        ...timed(write, o),
      }),
    /** This browser hears about nothing more. */
    pushUnsubscribe: (endpoint: string, o?: CallOptions) =>
      exchange<Ok<null>>(
        { path: PUSH_API.subscriptions, method: 'DELETE', ...jsonBody({ endpoint }), ...timed(write, o) },
        async (res) => (res.ok ? { status: 'ok', data: null } : failureFrom(res)),
      ),
    unionQueue: (token: string, o?: CallOptions) =>
      json<UnionQueue>({
        path: '/open311/v2/union/requests.json',
        headers: bearer(token),
        ...timed(read, o),
      }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
