import type { ApiClient, Failure } from '../api/client.ts';
import type { ServiceRequestCreated, ServiceRequestUpdateCreated } from '../api/index.ts';
import type { CreatePayload, UpdatePayload } from '../db/outbox.ts';

// Sending one outbox entry. Photos go first (the service stores them by content hash, so an
// upload repeated on a retry costs bandwidth but never duplicates), then the request itself,
// always under the entry's own Idempotency-Key.

export type Delivered<T> = { status: 'ok'; data: T; mediaUrl?: string } | Failure;

/**
 * Open311 carries one `media_url`; the first photo goes there and the others are listed at the
 * end of the description so the union still sees them.
 */
export async function deliverCreate(
  client: ApiClient,
  key: string,
  p: CreatePayload,
): Promise<Delivered<ServiceRequestCreated>> {
  const urls: string[] = [];
  for (const photo of p.photos) {
    const up = await client.uploadMedia(photo);
    if (up.status !== 'ok') return up;
    urls.push(up.data.url);
  }
  const [first, ...more] = urls;
  const input = { ...p.input };
  if (first) input.media_url = first;
  if (more.length) input.description = [input.description ?? '', ...more].filter(Boolean).join('\n');
  const res = await client.createRequest(input, key);
  return res.status === 'ok' ? { ...res, mediaUrl: first } : res;
}

export async function deliverUpdate(
  client: ApiClient,
  key: string,
  p: UpdatePayload,
  serverId: string,
  token: string,
): Promise<Delivered<ServiceRequestUpdateCreated>> {
  return client.postUpdate(
    {
      service_request_id: serverId,
      action: p.action,
      ...(p.description ? { description: p.description } : {}),
    },
    token,
    key,
  );
}
