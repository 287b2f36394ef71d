import { Hono } from 'hono';
import type { MapSource, ProductRecord } from '../api/index.ts';
import { INSTALL_HEADER } from './abuse/install-token.ts';
import { limitWrites } from './abuse/limits.ts';
import type { DemoGln } from './demo/demo-glns.ts';
import { platesRoutes } from './demo/plates.ts';
import { productBarcodesRoutes } from './demo/products.ts';
import type { ServiceDeps } from './deps.ts';
import { isClientError } from './http/client-error.ts';
import { openCors } from './http/cors.ts';
import { fail, MESSAGES } from './http/errors.ts';
import { REQUEST_ID_HEADER, requestIdOf, requestLog } from './http/request-log.ts';
import { securityHeaders } from './http/security.ts';
import { errorFields } from './log.ts';
import { open311Formats } from './open311/format.ts';
import { outcomeRoutes } from './outcomes/routes.ts';
import { deskAuditRoutes } from './routes/desk-audit.ts';
import { deskCountyRoutes } from './routes/desk-county.ts';
import { deskFieldRoutes } from './routes/desk-field.ts';
import { deskMediaRoutes } from './routes/desk-media.ts';
import { deskQueueRoutes } from './routes/desk-queue.ts';
import { deskSessionRoutes } from './routes/desk-session.ts';
import { healthRoutes } from './routes/health.ts';
import { installRoutes } from './routes/installs.ts';
import { locationRoutes } from './routes/locations.ts';
import { mediaRoutes } from './routes/media.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { open311Routes } from './routes/open311.ts';
import { productRoutes } from './routes/products.ts';
import { pushRoutes } from './routes/push.ts';
import { resolverRoutes } from './routes/resolver.ts';
import { staticRoutes } from './routes/static.ts';
import { supportRoutes } from './routes/support.ts';
import { unionRoutes } from './routes/union.ts';
import { updateRoutes } from './routes/updates.ts';
import { tileRoutes } from './tiles/routes.ts';
import { OWN_TILES_SOURCE, tileOrigins } from './tiles/tile-source.ts';
import { plateReadingRoutes } from './trust/readings.ts';

// The whole service as one Hono app: used by `npm start`, by the Vite dev middleware and by tests.

/** `connect`: origins besides its own the app may call (a GS1 resolver elsewhere). */
export function createApp(
  deps: ServiceDeps,
  demo: DemoGln[],
  demoProducts: ProductRecord[] = [],
  { connect = [], tiles = OWN_TILES_SOURCE }: { connect?: readonly string[]; tiles?: MapSource } = {},
) {
  const app = new Hono({ strict: false });
  app.use('*', requestLog(deps.log, deps.metrics, deps.limits.trustProxy));
  app.use('*', securityHeaders(connect, tileOrigins(tiles)));
  // Public lookups and the complaint API may be called from other origins (a registry portal,
  // a partner app); credentials are bearer tokens, never cookies, so `*` is safe.
  const corsOpen = openCors({
    allowHeaders: [
      'Content-Type',
      'Authorization',
      'Idempotency-Key',
      'If-None-Match',
      'Accept',
      INSTALL_HEADER,
    ],
    exposeHeaders: ['ETag', 'Link', 'Location', 'Retry-After', REQUEST_ID_HEADER],
    maxAge: 86400,
  });
  // The resolver's paths (/414/*, /.well-known/gs1resolver, compressed links) set their own,
  // read-only CORS in resolverRoutes.
  for (const p of ['/api/*', '/open311/*']) app.use(p, corsOpen);
  // Before the write limit, so that its refusals (and every other error) reach Open311 clients
  // in the format they asked for.
  app.use('/open311/*', open311Formats());
  const limited = limitWrites(deps.limits, deps.store, deps.installs, deps.rateBuckets);
  app.use('/api/*', limited);
  app.use('/open311/*', limited);

  app.route('/', healthRoutes(deps));
  app.route('/', metricsRoutes(deps));
  app.route('/', installRoutes(deps));
  app.route('/', resolverRoutes(deps));
  app.route('/', locationRoutes(deps));
  app.route('/', plateReadingRoutes(deps));
  app.route('/', open311Routes(deps));
  app.route('/', updateRoutes(deps));
  app.route('/', supportRoutes(deps));
  app.route('/', unionRoutes(deps));
  app.route('/', mediaRoutes(deps));
  app.route('/', pushRoutes(deps));
  app.route('/', platesRoutes(demo, deps.publicOrigin));
  app.route('/', productRoutes(deps));
  app.route('/', productBarcodesRoutes(demoProducts));
  app.route('/', deskSessionRoutes(deps));
  app.route('/', deskAuditRoutes(deps));
  app.route('/', deskQueueRoutes(deps));
  app.route('/', deskFieldRoutes(deps));
  app.route('/', outcomeRoutes(deps));
  app.route('/', deskCountyRoutes(deps));
  app.route('/', deskMediaRoutes(deps));
  app.route('/', tileRoutes(deps, tiles));
  app.route('/', staticRoutes(deps.staticDir, deps.staticCache));

  app.notFound((c) => fail(c, 404, 'not-found', MESSAGES.notFound));
  app.onError((error, c) => {
    // A body the client broke off or framed wrongly is the client's error: one line, no stack,
    // or a stream of bad requests would flood the log.
    if (isClientError(error)) {
      deps.log.warn('bad request body', { request_id: requestIdOf(c), method: c.req.method });
      return fail(c, 400, 'bad-body', MESSAGES.badBody);
    }
    // Details go to the log, never to the client.
    deps.log.error('unhandled', { request_id: requestIdOf(c), method: c.req.method, ...errorFields(error) });
    return fail(c, 500, 'internal', MESSAGES.internal);
  });
  return app;
}
