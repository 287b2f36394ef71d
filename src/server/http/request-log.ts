import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { onEveryAnswer } from './every-answer.ts';

// First on every request: its id, one log line when it is answered, and its count and latency in
// the metrics. The id is taken from X-Request-Id only behind a trusted proxy (TRUST_PROXY > 0),
// which sets it, so a log search by id finds the proxy's line and ours; otherwise it is drawn
// here. Either way it is sent back in X-Request-Id, for a shopper's or a partner's bug report.
// Lines and metrics name the route pattern, never the path: GLNs and tokens stay out of the log.

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** What a proxy's id may look like (uuid, nginx's $request_id hex, …); anything else is replaced. */
const GIVEN_ID = /^[A-Za-z0-9._:+=@-]{1,128}$/;

const ids = new WeakMap<Request, string>();
/** The request's id, for log lines written while answering it. */
export const requestIdOf = (c: Context): string | undefined => ids.get(c.req.raw);

export function requestLog(log: Logger, metrics: Metrics, trustProxy: number): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const given = trustProxy > 0 ? c.req.header(REQUEST_ID_HEADER) : undefined;
    const id = given && GIVEN_ID.test(given) ? given : randomUUID();
    ids.set(c.req.raw, id);
    // On whatever answers (a route's own Response included), without rebuilding the answer's
    // headers afterwards, which would cost every lookup a copy (see every-answer.ts).
    await onEveryAnswer({ [REQUEST_ID_HEADER]: id })(c, next);
    const ms = performance.now() - started;
    const status = c.res.status;
    // The handler that answered; only middleware matched ('*') means no route did (a 404).
    const route = routePath(c);
    metrics.observe(c.req.method, route, status, ms / 1000);
    log[status >= 500 ? 'error' : 'info']('request', {
      request_id: id,
      method: c.req.method,
      route,
      status,
      duration_ms: Math.round(ms * 100) / 100,
    });
  };
}
