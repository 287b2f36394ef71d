import { z } from 'zod';

// Reply notifications (Web Push). The app asks the service for its VAPID public key, subscribes
// the browser's PushManager with it, and hands the subscription to the service for one complaint
// (with the reporter's token). The service sends one encrypted message per reply or change of
// state; the service worker shows it and opens the complaint when tapped.

export { PUSH_API } from './push-paths.ts';

/** The VAPID application server key (RFC 8292 §3.2: uncompressed P-256 point, base64url). */
export const PushKeySchema = z.object({ public_key: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/) });
export type PushKey = z.infer<typeof PushKeySchema>;

/** What `PushSubscription.toJSON()` gives (RFC 8291 keys: p256dh and auth, base64url). */
export const PushSubscriptionJsonSchema = z.object({
  endpoint: z.string().url().max(1000),
  keys: z.object({
    p256dh: z.string().regex(/^[A-Za-z0-9_=-]{80,100}$/),
    auth: z.string().regex(/^[A-Za-z0-9_=-]{16,32}$/),
  }),
});
export type PushSubscriptionJson = z.infer<typeof PushSubscriptionJsonSchema>;

/** PUT subscriptions (reporter's Bearer token): this browser wants to hear about this complaint. */
export const PushSubscribeInputSchema = z.object({
  service_request_id: z.string().min(1).max(64),
  subscription: PushSubscriptionJsonSchema,
});
export type PushSubscribeInput = z.infer<typeof PushSubscribeInputSchema>;

/** DELETE subscriptions: this browser wants to hear nothing more (the endpoint is its secret). */
export const PushUnsubscribeInputSchema = z.object({ endpoint: z.string().url().max(1000) });
export type PushUnsubscribeInput = z.infer<typeof PushUnsubscribeInputSchema>;

/** The decrypted payload the service worker receives: words in the reporter's language. */
export const PushMessageSchema = z.object({
  title: z.string(),
  body: z.string(),
  /** The complaint's id on the service; the worker finds the phone's own copy by it. */
  service_request_id: z.string(),
  lang: z.enum(['fa', 'en']),
});
export type PushMessage = z.infer<typeof PushMessageSchema>;
