import type { ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';

// Headers that go on every answer a set of paths gives (security headers, CORS), whatever
// produced it: a route, an error handler, the write limiter, the Node adapter's own 500.
//
// On a socket (`npm start`, the dev server) they are set on Node's response before the route
// runs; Node merges them with the answer's own headers when it writes the head (the answer's own
// value wins for a header it names itself). Setting them afterwards on the answer instead would
// turn the adapter's lightweight response (a status, a body and a plain header object, written
// straight to the socket) into a web Headers object copied header by header on every lookup.
// Without a socket (`app.fetch` in-process) they are added to the answer after it is made, with
// the same rule: a header the answer already names is left as it is.

/** The Node response behind this request, when the service runs on @hono/node-server. */
function nodeResponse(c: Context): ServerResponse | undefined {
  const out = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  return out && typeof out.setHeader === 'function' && !out.headersSent ? out : undefined;
}

type Entries = readonly (readonly [string, string])[];

/** Sets `entries` on the Node response now, or returns false when there is none. */
function preset(c: Context, entries: Entries): boolean {
  const out = nodeResponse(c);
  if (!out) return false;
  for (const [name, value] of entries) out.setHeader(name, value);
  return true;
}

function addMissing(answer: Response, entries: Entries): Response {
  const headers = answer.headers;
  for (const [name, value] of entries) if (!headers.has(name)) headers.set(name, value);
  return answer;
}

/** Middleware: `headers` on every answer given under it. */
export function onEveryAnswer(headers: Readonly<Record<string, string>>): MiddlewareHandler {
  const entries = Object.entries(headers);
  return async (c, next) => {
    if (preset(c, entries)) return next();
    await next();
    addMissing(c.res, entries);
  };
}

/** The same for one answer: `produce`'s, with `headers` on it. */
export async function withHeaders(
  c: Context,
  headers: Readonly<Record<string, string>>,
  produce: () => Response | Promise<Response>,
): Promise<Response> {
  const entries = Object.entries(headers);
  if (preset(c, entries)) return produce();
  return addMissing(await produce(), entries);
}
