import type { Context, MiddlewareHandler } from 'hono';
import { onEveryAnswer, withHeaders } from '../http/every-answer.ts';

// CORS for the resolver's own paths. A resolver is read-only ("SHALL support HTTP 1.1 (or higher)
// GET, HEAD and OPTIONS requests"; "SHALL support CORS"), so it announces exactly those methods
// and not the write methods the complaint API allows on its paths.

export const RESOLVER_METHODS = 'GET, HEAD, OPTIONS';

function preflight(c: Context): Response {
  return c.body(null, 204, {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': RESOLVER_METHODS,
    'Access-Control-Allow-Headers': 'Accept, Accept-Language, If-None-Match',
    'Access-Control-Max-Age': '86400',
    Allow: RESOLVER_METHODS,
  });
}

// Scripts on other origins may read where a plate leads and the linkset's address. Set the way
// the security headers are (http/every-answer.ts), so redirects stay on the adapter's fast path.
const READABLE = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Link, Location, Vary',
};

/** Answers a preflight, or runs `produce` and marks its answer readable from any origin. */
export async function withResolverCors(
  c: Context,
  produce: () => Response | Promise<Response>,
): Promise<Response> {
  if (c.req.method === 'OPTIONS') return preflight(c);
  return withHeaders(c, READABLE, produce);
}

export function resolverCors(): MiddlewareHandler {
  const readable = onEveryAnswer(READABLE);
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c);
    return readable(c, next);
  };
}
