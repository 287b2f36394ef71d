import type { ApiClient, Failure } from '../api/client.ts';
import type {
  ServiceRequestCreated,
  ServiceRequestInput,
  ServiceRequestUpdateCreated,
} from '../api/index.ts';
import type { CreatePayload, UpdatePayload } from '../db/outbox.ts';

// Sending one outbox entry. Photos go first (the service stores them by content hash, so an
// upload repeated on a retry costs bandwidth but never duplicates), then the request itself,
// always under the entry's own Idempotency-Key.

/** Voice notes and videos go the photos' way, after them: stored by content hash, so a retried
 * upload lands once. */
const CLIP_UPLOAD_TIMEOUT_MS = 180_000;

export type Delivered<T> = { status: 'ok'; data: T; mediaUrls?: string[] } | Failure;

/**
 * Every uploaded photo goes in `media_urls` (the service's extension); the first also in
 * Open311's one `media_url`, for a back end that knows only the standard.
 */
export async function deliverCreate(
  client: ApiClient,
  key: string,
  p: CreatePayload,
  signal?: AbortSignal,
): Promise<Delivered<ServiceRequestCreated>> {
  const urls: string[] = [];
  for (const photo of p.photos) {
    const up = await client.uploadMedia(photo, { signal });
    if (up.status !== 'ok') return up;
    urls.push(up.data.url);
  }
  for (const clip of p.clips ?? []) {
    // Up to 40 MB over a phone's uplink, then the service's re-encoding: more than a photo's time.
    const up = await client.uploadMedia(clip, { signal, timeoutMs: CLIP_UPLOAD_TIMEOUT_MS });
    if (up.status !== 'ok') return up;
    urls.push(up.data.url);
  }
  const res = await client.createRequest(withMedia(p.input, urls), key, { signal });
  return res.status === 'ok' ? { ...res, mediaUrls: urls } : res;
}

/** The request as sent: the queued input plus the URLs its photos were stored under. */
export function withMedia(input: ServiceRequestInput, urls: string[]): ServiceRequestInput {
  const { media_url: _one, media_urls: _all, ...rest } = input;
  return urls.length ? { ...rest, media_url: urls[0]!, media_urls: urls } : rest;
}

export async function deliverUpdate(
  client: ApiClient,
  key: string,
  p: UpdatePayload,
  serverId: string,
  token: string,
  signal?: AbortSignal,
): Promise<Delivered<ServiceRequestUpdateCreated>> {
  return client.postUpdate(
    {
      service_request_id: serverId,
      action: p.action,
      ...(p.description ? { description: p.description } : {}),
    },
    token,
    key,
    { signal },
  );
}
