import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { checkGtin } from '../../api/product-code.ts';
import type { ServiceDeps } from '../deps.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { etagMatches } from '../records/record-cache.ts';

// The public product registry: a record by GTIN (any of GTIN-8, -12, -13, -14), with ETag so the
// app's saved copy is revalidated with a 304.

const RECORD_CACHE = 'public, max-age=300, stale-while-revalidate=3600';

export function productRoutes(deps: ServiceDeps) {
  const app = new Hono({ strict: false });
  app.get('/api/v1/products/:gtin', (c) => {
    const check = checkGtin(c.req.param('gtin'));
    if (!check.ok)
      return check.reason === 'shape'
        ? fail(c, 400, 'bad-gtin', MESSAGES.badGtin)
        : fail(c, 400, 'bad-check-digit', MESSAGES.badGtinCheckDigit);
    const product = deps.products.get(check.gtin);
    if (!product) return fail(c, 404, 'not-found', MESSAGES.unknownGtin);
    const body = JSON.stringify(product);
    const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', RECORD_CACHE);
    if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
  return app;
}
