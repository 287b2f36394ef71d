import { join } from 'node:path';
import { createApp } from './app.ts';
import { type DemoGln, pickDemoGlns } from './demo/demo-glns.ts';
import type { ServiceDeps } from './deps.ts';
import type { RateLimitConfig } from './http/rate-limit.ts';
import { REMOTE_MEDIA_DEFAULTS, type RemoteMediaOptions } from './open311/remote-media.ts';
import { createRecordCache } from './records/record-cache.ts';
import { ROUTING_TABLE } from './routing/table.ts';
import { type DemoCredentials, generateRegistry } from './seed/generate.ts';
import { openSqliteStore } from './store/sqlite.ts';

// Builds the service (store, seed, app) without listening: shared by the HTTP server and the
// Vite dev middleware.

export type ServiceOptions = {
  dataDir: string;
  staticDir?: string;
  rateLimit?: Partial<RateLimitConfig>;
  /** The clock, so tests can step past deadlines. */
  now?: () => Date;
  /** Locations per city in the demo registry (Tehran gets twice as many). */
  seedPerCity?: number;
  /** Tests fetch photos from 127.0.0.1; production keeps the defaults (no private addresses). */
  remoteMedia?: Partial<RemoteMediaOptions>;
};

export type Service = {
  app: ReturnType<typeof createApp>;
  deps: ServiceDeps;
  firstStart: boolean;
  demo: { glns: DemoGln[]; credentials: DemoCredentials; locationCount: number };
  close(): void;
};

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { burst: 120, perSecond: 4 };

export function createService(opts: ServiceOptions): Service {
  const store = openSqliteStore(opts.dataDir);
  const registry = generateRegistry(undefined, opts.seedPerCity ?? 400);
  const firstStart = !store.isSeeded();
  if (firstStart) store.seed(registry.data);
  const deps: ServiceDeps = {
    store,
    records: createRecordCache(store),
    routing: ROUTING_TABLE,
    mediaDir: join(opts.dataDir, 'media'),
    staticDir: opts.staticDir,
    rateLimit: { ...DEFAULT_RATE_LIMIT, ...opts.rateLimit },
    remoteMedia: { ...REMOTE_MEDIA_DEFAULTS, ...opts.remoteMedia },
    now: opts.now ?? (() => new Date()),
  };
  const glns = pickDemoGlns(registry.data);
  return {
    app: createApp(deps, glns),
    deps,
    firstStart,
    demo: { glns, credentials: registry.credentials, locationCount: registry.data.locations.length },
    close: () => store.close(),
  };
}
