import type { ProductRecord } from '../api/index.ts';
import { createInstallTokens } from './abuse/install-token.ts';
import { type LimitsOverride, resolveLimits } from './abuse/limits.ts';
import { createApp } from './app.ts';
import { clusterSnapshot } from './cluster-metrics.ts';
import { type DemoGln, pickDemoGlns } from './demo/demo-glns.ts';
import type { ServiceDeps } from './deps.ts';
import { startEscalationSweep } from './field/escalation.ts';
import { createStaticCache } from './http/static-cache.ts';
import { type Logger, processLog } from './log.ts';
import { collectOrphanMedia, MEDIA_GC_EVERY_MS } from './media/orphans.ts';
import { transcodeSlots } from './media/transcode-slots.ts';
import { createMetrics } from './metrics.ts';
import { REMOTE_MEDIA_DEFAULTS, type RemoteMediaOptions } from './open311/remote-media.ts';
import { openSqliteProducts } from './products/sqlite-products.ts';
import { endpointPolicy } from './push/endpoint-policy.ts';
import { createPushSender, notifyingStore } from './push/sender.ts';
import { loadVapidKeys } from './push/vapid.ts';
import { createRecordCache } from './records/record-cache.ts';
import { ROUTING_TABLE } from './routing/table.ts';
import { type DeskUser, issueDeskUsers, readDeskUsers } from './secrets/desk-users.ts';
import { loadMetricsToken } from './secrets/metrics-token.ts';
import { loadServerKey } from './secrets/server-key.ts';
import { type DeskCredential, issueDeskCredentials, readDeskCredentials } from './secrets/union-tokens.ts';
import { generateRegistry } from './seed/generate.ts';
import { generateProducts, PRODUCT_SEED, pickDemoProducts } from './seed/products.ts';
import { resolveDeskSignIn } from './staff/sign-in-limits.ts';
import { openStorage } from './store/open.ts';
import { PRUNE_EVERY_MS } from './store/pg-rate-buckets.ts';
import { replicaUrls } from './store/pg-replicas.ts';
import { tileSourceFrom } from './tiles/tile-source.ts';
import { badgeFreshStore } from './trust/fresh-badges.ts';

// Builds the service (store, seed, secrets, app) without listening: shared by the HTTP server and
// the Vite dev middleware.

export type ServiceOptions = {
  dataDir: string;
  /** postgres://… to keep everything in PostgreSQL; unset, the SQLite file in `dataDir`. */
  databaseUrl?: string;
  /** Streaming replicas of `databaseUrl` for public lookups; default DATABASE_REPLICA_URL. */
  replicaUrls?: string[];
  staticDir?: string;
  /** Overrides of the built-in limits; the environment (README "Limits") overrides both. */
  limits?: LimitsOverride;
  /** The process environment: limits, SERVER_KEY(_FILE). Tests pass their own. */
  env?: NodeJS.ProcessEnv;
  /** PUBLIC_URL: the origin shoppers reach the service at. Default: where it listens. */
  publicUrl?: string;
  /** The clock, so tests can step past deadlines. */
  now?: () => Date;
  /** Locations per city in the demo registry (Tehran gets twice as many). */
  seedPerCity?: number;
  /** Tests fetch photos from 127.0.0.1; production keeps the defaults (no private addresses). */
  remoteMedia?: Partial<RemoteMediaOptions>;
  /** Where log lines go; default the process's (LOG_FORMAT). */
  log?: Logger;
  /** Tests run their own push service on http://127.0.0.1; production only knows https ones. */
  push?: { allowLoopbackHttp?: boolean; timeoutMs?: number };
};

export type Service = {
  app: ReturnType<typeof createApp>;
  deps: ServiceDeps;
  firstStart: boolean;
  /** `credentials`: the desks' demo API keys as kept in DATA_DIR/secrets (see secrets/union-tokens.ts). */
  demo: {
    glns: DemoGln[];
    credentials: DeskCredential[];
    /** The demo desk's people and their passwords, as kept in DATA_DIR/secrets/desk-users.json. */
    deskUsers: DeskUser[];
    locationCount: number;
    products: ProductRecord[];
    productCount: number;
  };
  /** Sets the public origin once the listening address is known (when PUBLIC_URL is not given). */
  listeningAt(origin: string): void;
  close(): Promise<void>;
};

export async function createService(opts: ServiceOptions): Promise<Service> {
  const env = opts.env ?? {};
  const opened = await openStorage({
    ...opts,
    replicaUrls: opts.replicaUrls ?? replicaUrls(env.DATABASE_REPLICA_URL),
  });
  const { media, rateBuckets, prune, lookups, closeLookups } = opened;
  const vapid = await loadVapidKeys(
    { dataDir: opts.dataDir, shared: opts.databaseUrl !== undefined },
    opened.store,
    env,
  );
  const registry = generateRegistry(undefined, opts.seedPerCity ?? 400);
  // Instances started together on one PostgreSQL database: only the one that seeds draws the
  // desks' credentials, so the hashes in the database match the file it writes.
  const firstStart = !(await opened.store.isSeeded()) && (await opened.store.seed(registry.data));
  if (firstStart) {
    await issueDeskCredentials(opened.store, opts.dataDir);
    await issueDeskUsers(opened.store, opts.dataDir);
  }
  const publicUrl = opts.publicUrl ?? env.PUBLIC_URL;
  let origin = publicUrl ? new URL(publicUrl).origin : undefined;
  const now = opts.now ?? (() => new Date());
  const pushPolicy = endpointPolicy(env, opts.push?.allowLoopbackHttp);
  const pushSender = createPushSender({
    store: opened.store,
    keys: vapid,
    subject: env.VAPID_SUBJECT ?? (origin?.startsWith('https:') ? origin : 'mailto:push@kalabefi.invalid'),
    policy: pushPolicy,
    timeoutMs: opts.push?.timeoutMs,
  });
  // Every committed reply or change of state, whoever writes it, is notified from here.
  // A decided complaint refreshes its shop's trust badge (trust/fresh-badges.ts).
  const store = badgeFreshStore(notifyingStore(opened.store, pushSender), () => deps.records);
  const products = openSqliteProducts(opts.dataDir);
  const metrics = createMetrics();
  const productList = generateProducts();
  products.seed(productList, PRODUCT_SEED);
  const deps: ServiceDeps = {
    store,
    lookups,
    records: createRecordCache(lookups, store, undefined, now),
    products,
    routing: ROUTING_TABLE,
    media,
    staticDir: opts.staticDir,
    staticCache: createStaticCache(),
    limits: resolveLimits(opts.limits, env),
    rateBuckets,
    deskSignIn: resolveDeskSignIn(env),
    installs: createInstallTokens(loadServerKey(opts.dataDir, env)),
    publicOrigin: () => origin ?? 'http://127.0.0.1',
    remoteMedia: { ...REMOTE_MEDIA_DEFAULTS, ...opts.remoteMedia },
    now,
    log: opts.log ?? processLog(),
    metrics,
    metricsSnapshot: clusterSnapshot(metrics),
    metricsToken: loadMetricsToken(opts.dataDir, env),
    push: { publicKey: vapid.publicKey, policy: pushPolicy, sender: pushSender },
    transcodes: transcodeSlots(positive(env.TRANSCODE_CONCURRENCY) ?? 1, positive(env.TRANSCODE_QUEUE) ?? 4),
  };
  const glns = pickDemoGlns(registry.data);
  // Orphaned photos go after a grace period; the timer never keeps the process alive.
  const gc = setInterval(() => void collectOrphanMedia(deps).catch(() => {}), MEDIA_GC_EVERY_MS);
  gc.unref();
  const housekeeping = setInterval(() => void prune().catch(() => {}), PRUNE_EVERY_MS);
  housekeeping.unref();
  const stopEscalation = startEscalationSweep(deps);
  const demoProducts = pickDemoProducts(productList);
  return {
    // The app may be pointed at a GS1 resolver elsewhere: its origin must pass the CSP.
    app: createApp(deps, glns, demoProducts, {
      connect: resolverOrigins(env.RESOLVER_URL),
      tiles: tileSourceFrom(env),
    }),
    deps,
    firstStart,
    demo: {
      glns,
      credentials: readDeskCredentials(opts.dataDir),
      deskUsers: readDeskUsers(opts.dataDir),
      locationCount: registry.data.locations.length,
      products: demoProducts,
      productCount: productList.length,
    },
    listeningAt(at) {
      origin ??= at;
    },
    close: async () => {
      clearInterval(gc);
      clearInterval(housekeeping);
      stopEscalation();
      // Notifications still on their way get a moment; a stuck push service never holds a stop.
      await Promise.race([pushSender.idle(), new Promise((r) => setTimeout(r, 2000).unref())]);
      products.close();
      await closeLookups();
      await store.close();
    },
  };
}

/** RESOLVER_URL: one or more URLs (space-separated) of resolvers the app may ask; their origins. */
export function resolverOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((u) => new URL(u).origin);
}

/** A whole number above zero from the environment, else undefined. */
function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
