import type { MiddlewareHandler } from 'hono';
import { onEveryAnswer } from './every-answer.ts';

// CORS for the public API and Open311: any origin (credentials are bearer tokens and install
// tokens in headers, never cookies). Hono's own `cors()` writes its headers onto `c.res` before
// the route runs; the route's answer must then be merged into that placeholder, which turns the
// Node adapter's lightweight response (written straight to the socket) into a full web Response
// read back through a stream, on every lookup. Here they go on every answer the way the security
// headers do (every-answer.ts), and a preflight is answered without reaching a route.

/** The methods a preflight allows: the API's writes as well as its reads. */
export const API_METHODS = 'GET,HEAD,PUT,POST,DELETE,PATCH';

export function openCors({
  allowHeaders,
  exposeHeaders,
  maxAge,
}: {
  allowHeaders: readonly string[];
  exposeHeaders: readonly string[];
  maxAge: number;
}): MiddlewareHandler {
  const expose = exposeHeaders.join(',');
  const preflight = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': expose,
    'Access-Control-Max-Age': String(maxAge),
    'Access-Control-Allow-Methods': API_METHODS,
    'Access-Control-Allow-Headers': allowHeaders.join(','),
    Vary: 'Access-Control-Request-Headers',
  };
  const readable = onEveryAnswer({
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': expose,
  });
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return c.body(null, 204, preflight);
    return readable(c, next);
  };
}
