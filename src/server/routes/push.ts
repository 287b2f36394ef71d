import { Hono } from 'hono';
import {
  PUSH_API,
  type PushKey,
  PushSubscribeInputSchema,
  PushUnsubscribeInputSchema,
} from '../../api/index.ts';
import { bearer, callerForToken } from '../complaints/auth.ts';
import type { ServiceDeps } from '../deps.ts';
import { decodeBody, limitBody, validationErrors } from '../http/body.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { langOf } from '../i18n.ts';
import { endpointAllowed } from '../push/endpoint-policy.ts';

// Reply notifications: the VAPID public key for the browser's PushManager, and a browser's
// subscription to one complaint. Subscribing needs the complaint's reporter token, so no one
// else can hear about it; the language of the request is the language of its notifications.
// Unsubscribing needs only the endpoint, the browser's own unguessable address.

/** Browsers (phones) one complaint may notify. */
export const PUSH_SUBSCRIPTIONS_PER_COMPLAINT = 5;
const BODY_LIMIT = 4 * 1024;

export function pushRoutes(deps: ServiceDeps) {
  const app = new Hono({ strict: false });
  const { store, push } = deps;

  app.get(PUSH_API.key, (c) => {
    const body: PushKey = { public_key: push.publicKey };
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(body);
  });

  app.put(PUSH_API.subscriptions, limitBody(BODY_LIMIT), async (c) => {
    const token = bearer(c);
    if (!token) return fail(c, 401, 'unauthorized', MESSAGES.unauthorized);
    const decoded = await decodeBody(c);
    if (!decoded.ok) return decoded.response;
    const parsed = PushSubscribeInputSchema.safeParse(decoded.value);
    if (!parsed.success) return c.json(validationErrors(parsed.error, c), 400);
    const { service_request_id: id, subscription } = parsed.data;
    const req = await store.request(id);
    const caller = req ? await callerForToken(token, store, req) : undefined;
    if (!req || caller?.kind !== 'reporter') return fail(c, 404, 'not-found', MESSAGES.requestNotFound);
    if (!endpointAllowed(subscription.endpoint, push.policy))
      return fail(c, 400, 'validation', 'push:errors.endpoint');
    const kept = await store.addPushSubscription(
      { ...subscription, requestId: id, lang: langOf(c) },
      deps.now().toISOString(),
      PUSH_SUBSCRIPTIONS_PER_COMPLAINT,
    );
    if (!kept) return fail(c, 409, 'forbidden', 'push:errors.tooMany');
    return c.json({ service_request_id: id }, 201);
  });

  app.delete(PUSH_API.subscriptions, limitBody(BODY_LIMIT), async (c) => {
    const decoded = await decodeBody(c);
    if (!decoded.ok) return decoded.response;
    const parsed = PushUnsubscribeInputSchema.safeParse(decoded.value);
    if (!parsed.success) return c.json(validationErrors(parsed.error, c), 400);
    await store.removePushEndpoint(parsed.data.endpoint);
    return c.body(null, 204);
  });

  return app;
}
