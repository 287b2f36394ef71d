import type { PushSubscriptionJson } from '../../api/index.ts';
import type { ServerLang } from '../i18n.ts';

// Reply notifications on both engines: which browsers asked to hear about which complaint, and
// the secrets every instance must share (the VAPID key pair on PostgreSQL).

export type StoredPushSubscription = PushSubscriptionJson & { requestId: string; lang: ServerLang };

export interface PushQueries {
  /**
   * Keeps (or refreshes, same endpoint) a subscription to one complaint; false when the complaint
   * already has `cap` others, so one leaked token cannot fan a reply out to a crowd.
   */
  addPushSubscription(sub: StoredPushSubscription, at: string, cap: number): boolean;
  pushSubscriptions(requestId: string): StoredPushSubscription[];
  /** Forgets an endpoint for every complaint (unsubscribed, or gone at the push service). */
  removePushEndpoint(endpoint: string): number;
  /** The value kept under `name`, storing `candidate` first when there is none (first writer wins). */
  sharedSecret(name: string, candidate: string): string;
}
