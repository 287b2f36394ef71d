import type { InstallTokens } from './abuse/install-token.ts';
import type { Limits } from './abuse/limits.ts';
import type { StaticCache } from './http/static-cache.ts';
import type { Slots } from './media/transcode-slots.ts';
import type { RemoteMediaOptions } from './open311/remote-media.ts';
import type { ProductStore } from './products/product-store.ts';
import type { EndpointPolicy } from './push/endpoint-policy.ts';
import type { PushSender } from './push/sender.ts';
import type { RecordCache } from './records/record-cache.ts';
import type { RoutingTable } from './routing/route-complaint.ts';
import type { MediaStore } from './store/media.ts';
import type { Store } from './store/types.ts';

/** What the route modules are given: no globals, so tests can run many servers side by side. */
export type ServiceDeps = {
  store: Store;
  records: RecordCache;
  products: ProductStore;
  routing: RoutingTable;
  media: MediaStore;
  staticDir: string | undefined;
  staticCache: StaticCache;
  limits: Limits;
  installs: InstallTokens;
  /**
   * The origin every absolute URL names (redirects, links, plates, photo URLs): PUBLIC_URL, or
   * the address the server listens on. Never the request's Host header, which the client writes.
   */
  publicOrigin: () => string;
  /** Fetching a photo an Open311 client names by URL elsewhere. */
  remoteMedia: RemoteMediaOptions;
  now: () => Date;
  /** Reply notifications: the VAPID public key, which endpoints are accepted, the sender. */
  push: { publicKey: string; policy: EndpointPolicy; sender: PushSender };
  /** Voice notes and videos being re-encoded at once, and waiting (see media/transcode-slots.ts). */
  transcodes: Slots;
};
