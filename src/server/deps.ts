import type { RateLimitConfig } from './http/rate-limit.ts';
import type { RecordCache } from './records/record-cache.ts';
import type { RoutingTable } from './routing/route-complaint.ts';
import type { MediaStore } from './store/media.ts';
import type { Store } from './store/types.ts';

/** What the route modules are given: no globals, so tests can run many servers side by side. */
export type ServiceDeps = {
  store: Store;
  records: RecordCache;
  routing: RoutingTable;
  media: MediaStore;
  staticDir: string | undefined;
  rateLimit: RateLimitConfig;
  now: () => Date;
};
