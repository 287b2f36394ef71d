import webpush from 'web-push';
import type { Note } from '../../api/index.ts';
import type { StoredPushSubscription } from '../store/push-types.ts';
import type { Store } from '../store/types.ts';
import { type EndpointPolicy, endpointAllowed } from './endpoint-policy.ts';
import { notifies, pushMessage } from './message.ts';
import type { VapidKeys } from './vapid.ts';

// Sends reply notifications. web-push encrypts each message for its subscription (RFC 8291,
// aes128gcm) and signs the request (VAPID, RFC 8292); the request itself goes out on fetch, so
// every send has a deadline. Nothing here ever runs inside an update: the store hands over
// updates after they are committed, and sends run in the background, a few at a time, from a
// bounded backlog, so a slow or dead push service can neither delay a reply nor eat the memory.
// A subscription the push service says is gone (404, 410: RFC 8030 §7.3) is forgotten.

export type PushSenderOptions = {
  store: Store;
  keys: VapidKeys;
  /** VAPID `sub` (RFC 8292 §2.1): a mailto: or https: contact for the push service's operator. */
  subject: string;
  policy: EndpointPolicy;
  timeoutMs?: number;
  concurrency?: number;
  /** Sends waiting at most; beyond it a notification is dropped (the app still shows the reply). */
  backlog?: number;
  fetch?: typeof fetch;
};

export type PushSender = {
  /** Queues the notifications an update's notes call for; returns at once. */
  notify(requestId: string, notes: readonly Note[]): void;
  /** Resolves when nothing is queued or in flight (tests, shutdown). */
  idle(): Promise<void>;
};

/** RFC 8030 §5.2: how long a push service may hold a message for an offline phone. */
const TTL_SECONDS = 7 * 24 * 3600;

export function createPushSender(o: PushSenderOptions): PushSender {
  const timeoutMs = o.timeoutMs ?? 10_000;
  const concurrency = o.concurrency ?? 4;
  const backlog = o.backlog ?? 10_000;
  const send = o.fetch ?? fetch;
  const queue: (() => Promise<void>)[] = [];
  let running = 0;
  let waiters: (() => void)[] = [];

  const pump = () => {
    while (running < concurrency && queue.length) {
      const job = queue.shift()!;
      running++;
      void job()
        .catch((error) => console.error('[kala-be-fi] push', (error as Error).message))
        .finally(() => {
          running--;
          pump();
        });
    }
    if (running === 0 && queue.length === 0) {
      for (const w of waiters) w();
      waiters = [];
    }
  };
  const enqueue = (job: () => Promise<void>) => {
    if (queue.length >= backlog) return;
    queue.push(job);
    pump();
  };

  async function deliver(sub: StoredPushSubscription, notes: readonly Note[]) {
    if (!endpointAllowed(sub.endpoint, o.policy)) {
      await o.store.removePushEndpoint(sub.endpoint);
      return;
    }
    const payload = JSON.stringify(pushMessage(sub.requestId, notes, sub.lang));
    let request: ReturnType<typeof webpush.generateRequestDetails>;
    try {
      request = webpush.generateRequestDetails({ endpoint: sub.endpoint, keys: sub.keys }, payload, {
        vapidDetails: { subject: o.subject, publicKey: o.keys.publicKey, privateKey: o.keys.privateKey },
        TTL: TTL_SECONDS,
        contentEncoding: 'aes128gcm',
        urgency: 'normal',
      });
    } catch {
      // Keys no push service could use: the subscription can never be reached.
      await o.store.removePushEndpoint(sub.endpoint);
      return;
    }
    const res = await send(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: request.body ? new Uint8Array(request.body) : null,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel();
    if (res.status === 404 || res.status === 410) await o.store.removePushEndpoint(sub.endpoint);
    else if (!res.ok) console.error(`[kala-be-fi] push service answered ${res.status}`);
  }

  return {
    notify(requestId, notes) {
      if (!notifies(notes)) return;
      enqueue(async () => {
        for (const sub of await o.store.pushSubscriptions(requestId)) enqueue(() => deliver(sub, notes));
      });
    },
    idle: () =>
      running === 0 && queue.length === 0 ? Promise.resolve() : new Promise((r) => waiters.push(r)),
  };
}

/** The store as handlers see it, with every committed reply or change of state notified. */
export function notifyingStore(store: Store, sender: PushSender): Store {
  return {
    ...store,
    async updateRequest(id, patch, notes) {
      await store.updateRequest(id, patch, notes);
      if (notifies(notes)) store.afterCommit(() => sender.notify(id, notes));
    },
  };
}
