import type { RateLimitConfig } from './http/rate-limit.ts';
import type { RemoteMediaOptions } from './open311/remote-media.ts';
import type { RecordCache } from './records/record-cache.ts';
import type { RoutingTable } from './routing/route-complaint.ts';
import type { Store } from './store/types.ts';

/** What the route modules are given: no globals, so tests can run many servers side by side. */
export type ServiceDeps = {
  store: Store;
  records: RecordCache;
  routing: RoutingTable;
  mediaDir: string;
  staticDir: string | undefined;
  rateLimit: RateLimitConfig;
  /** Fetching a photo an Open311 client names by URL elsewhere. */
  remoteMedia: RemoteMediaOptions;
  now: () => Date;
};
