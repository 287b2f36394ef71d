import type { InstallTokens } from './abuse/install-token.ts';
import type { Limits } from './abuse/limits.ts';
import type { RateBucketsFactory } from './abuse/rate-buckets.ts';
import type { StaticCache } from './http/static-cache.ts';
import type { Logger } from './log.ts';
import type { Slots } from './media/transcode-slots.ts';
import type { Metrics, MetricsSnapshot } from './metrics.ts';
import type { RemoteMediaOptions } from './open311/remote-media.ts';
import type { ProductStore } from './products/product-store.ts';
import type { EndpointPolicy } from './push/endpoint-policy.ts';
import type { PushSender } from './push/sender.ts';
import type { RecordCache } from './records/record-cache.ts';
import type { RoutingTable } from './routing/route-complaint.ts';
import type { DeskSignInLimits } from './staff/sign-in-limits.ts';
import type { LookupStore } from './store/lookup-types.ts';
import type { MediaStore } from './store/media.ts';
import type { Store } from './store/types.ts';

/** What the route modules are given: no globals, so tests can run many servers side by side. */
export type ServiceDeps = {
  /** The primary: every write, and every read that must see a write (a complaint just filed). */
  store: Store;
  /** Public lookups (record, linkset, nearby, licence): a replica when configured, else `store`. */
  lookups: LookupStore;
  records: RecordCache;
  products: ProductStore;
  routing: RoutingTable;
  media: MediaStore;
  staticDir: string | undefined;
  staticCache: StaticCache;
  limits: Limits;
  /** Where the short-window limits keep their buckets (shared through PostgreSQL, else memory). */
  rateBuckets: RateBucketsFactory;
  /** Lockout and per-address ceilings of desk sign-in (staff/sign-in-limits.ts). */
  deskSignIn: DeskSignInLimits;
  installs: InstallTokens;
  /**
   * The origin every absolute URL names (redirects, links, plates, photo URLs): PUBLIC_URL, or
   * the address the server listens on. Never the request's Host header, which the client writes.
   */
  publicOrigin: () => string;
  /** Fetching a photo an Open311 client names by URL elsewhere. */
  remoteMedia: RemoteMediaOptions;
  now: () => Date;
  /** The one logger (log.ts): JSON lines with LOG_FORMAT=json. */
  log: Logger;
  /** This process's request counts and latencies. */
  metrics: Metrics;
  /** What /metrics reports: this process's counts, or every start:cluster worker's summed. */
  metricsSnapshot: () => Promise<MetricsSnapshot>;
  /** The operator's bearer token for /metrics (METRICS_TOKEN, or DATA_DIR/secrets/metrics.token). */
  metricsToken: string;
  /** Reply notifications: the VAPID public key, which endpoints are accepted, the sender. */
  push: { publicKey: string; policy: EndpointPolicy; sender: PushSender };
  /** Voice notes and videos being re-encoded at once, and waiting (see media/transcode-slots.ts). */
  transcodes: Slots;
};
