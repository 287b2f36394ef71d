import { createApp } from './app.ts';
import { type DemoGln, pickDemoGlns } from './demo/demo-glns.ts';
import type { ServiceDeps } from './deps.ts';
import type { RateLimitConfig } from './http/rate-limit.ts';
import { createRecordCache } from './records/record-cache.ts';
import { ROUTING_TABLE } from './routing/table.ts';
import { type DemoCredentials, generateRegistry } from './seed/generate.ts';
import { openStorage } from './store/open.ts';

// Builds the service (store, seed, app) without listening: shared by the HTTP server and the
// Vite dev middleware.

export type ServiceOptions = {
  dataDir: string;
  /** postgres://… to keep everything in PostgreSQL; unset, the SQLite file in `dataDir`. */
  databaseUrl?: string;
  staticDir?: string;
  rateLimit?: Partial<RateLimitConfig>;
  /** The clock, so tests can step past deadlines. */
  now?: () => Date;
  /** Locations per city in the demo registry (Tehran gets twice as many). */
  seedPerCity?: number;
};

export type Service = {
  app: ReturnType<typeof createApp>;
  deps: ServiceDeps;
  firstStart: boolean;
  demo: { glns: DemoGln[]; credentials: DemoCredentials; locationCount: number };
  close(): Promise<void>;
};

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { burst: 120, perSecond: 4 };

export async function createService(opts: ServiceOptions): Promise<Service> {
  const { store, media } = await openStorage(opts);
  const registry = generateRegistry(undefined, opts.seedPerCity ?? 400);
  const firstStart = !(await store.isSeeded());
  if (firstStart) await store.seed(registry.data);
  const deps: ServiceDeps = {
    store,
    records: createRecordCache(store),
    routing: ROUTING_TABLE,
    media,
    staticDir: opts.staticDir,
    rateLimit: { ...DEFAULT_RATE_LIMIT, ...opts.rateLimit },
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
