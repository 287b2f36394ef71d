import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { cors } from 'hono/cors';
import type { DemoGln } from './demo/demo-glns.ts';
import { platesRoutes } from './demo/plates.ts';
import type { ServiceDeps } from './deps.ts';
import { fail, MESSAGES } from './http/errors.ts';
import { rateLimitWrites } from './http/rate-limit.ts';
import { securityHeaders } from './http/security.ts';
import { healthRoutes } from './routes/health.ts';
import { locationRoutes } from './routes/locations.ts';
import { mediaRoutes } from './routes/media.ts';
import { open311Routes } from './routes/open311.ts';
import { resolverRoutes } from './routes/resolver.ts';
import { staticRoutes } from './routes/static.ts';
import { supportRoutes } from './routes/support.ts';
import { unionRoutes } from './routes/union.ts';
import { unionPageRoutes } from './routes/union-page.ts';
import { updateRoutes } from './routes/updates.ts';

// The whole service as one Hono app: used by `npm start`, by the Vite dev middleware and by tests.

function clientKey(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function createApp(deps: ServiceDeps, demo: DemoGln[]) {
  const app = new Hono({ strict: false });
  app.use('*', securityHeaders());
  // Public lookups and the complaint API may be called from other origins (a registry portal,
  // a partner app); credentials are bearer tokens, never cookies, so `*` is safe.
  const corsOpen = cors({
    origin: '*',
    allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'If-None-Match', 'Accept'],
    exposeHeaders: ['ETag', 'Link', 'Location', 'Retry-After'],
    maxAge: 86400,
  });
  for (const p of ['/414/*', '/api/*', '/open311/*', '/.well-known/*']) app.use(p, corsOpen);
  app.use('/api/*', rateLimitWrites(deps.rateLimit, clientKey));
  app.use('/open311/*', rateLimitWrites(deps.rateLimit, clientKey));

  app.route('/', healthRoutes(deps));
  app.route('/', resolverRoutes(deps));
  app.route('/', locationRoutes(deps));
  app.route('/', open311Routes(deps));
  app.route('/', updateRoutes(deps));
  app.route('/', supportRoutes(deps));
  app.route('/', unionRoutes(deps));
  app.route('/', mediaRoutes(deps));
  app.route('/', platesRoutes(demo));
  app.route('/', unionPageRoutes());
  app.route('/', staticRoutes(deps.staticDir));

  app.notFound((c) => fail(c, 404, 'not-found', MESSAGES.notFound));
  app.onError((error, c) => {
    // Details go to the log, never to the client.
    console.error('[kala-be-fi] unhandled', c.req.method, c.req.path, error);
    return fail(c, 500, 'internal', MESSAGES.internal);
  });
  return app;
}
