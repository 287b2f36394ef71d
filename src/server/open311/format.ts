import type { Context, MiddlewareHandler } from 'hono';
import { toXml, type XmlPlan } from './xml.ts';

// One serialization layer for every Open311 answer. A route answers its value (as JSON, the way
// every other route and the shared error helpers do) and names its XML shape; this middleware
// then hands the caller the format they asked for. So no route exists twice, and errors raised
// anywhere (body limits, validation, rate limits, unknown paths) come out in the caller's format.
//
// GeoReport v2, Format Support: "XML is a required format, but JSON can be provided at the
// discretion of the API provider ... The client can specify the desired format by appending the
// format name to the resource." The suffix wins; then `?format=xml|json`; then the Accept header.

export type Format = 'json' | 'xml';

declare module 'hono' {
  interface ContextVariableMap {
    open311Format: Format;
    open311Xml: XmlPlan;
  }
}

/** The XML shapes Open311 (and FixMyStreet's update extension) give each answer. */
export const XML = {
  discovery: { root: 'discovery', item: 'endpoint' },
  services: { root: 'services', item: 'service' },
  serviceDefinition: { root: 'service_definition', item: 'attribute' },
  requests: { root: 'service_requests', item: 'request' },
  updates: { root: 'service_request_updates', item: 'request_update' },
  errors: { root: 'errors', item: 'error' },
} as const satisfies Record<string, XmlPlan>;

/** A JSON-only route asked for XML still gets a well-formed document. */
const FALLBACK: XmlPlan = { root: 'response', item: 'item' };

export const JSON_TYPE = 'application/json; charset=utf-8';
export const XML_TYPE = 'text/xml; charset=utf-8';

const SUFFIX = /\.(json|xml)$/;

/** A resource's three names: bare, `.json` and `.xml`. */
export function formatPaths(base: string): string[] {
  return [base, `${base}.json`, `${base}.xml`];
}

/** A path parameter without its format suffix (`ABC123.xml` -> `ABC123`). */
export function withoutFormat(param: string): string {
  return param.replace(SUFFIX, '');
}

export function negotiate(path: string, format: string | undefined, accept: string | undefined): Format {
  const suffix = SUFFIX.exec(path)?.[1];
  if (suffix) return suffix as Format;
  if (format === 'xml' || format === 'json') return format;
  const a = (accept ?? '').toLowerCase();
  const xml = a.search(/[/+]xml\b/);
  const json = a.search(/[/+]json\b/);
  return xml >= 0 && (json < 0 || xml < json) ? 'xml' : 'json';
}

/** The route's XML shape, named before it answers. */
export function xmlShape(c: Context, plan: XmlPlan): void {
  c.set('open311Xml', plan);
}

export function open311Formats(): MiddlewareHandler {
  return async (c, next) => {
    const format = negotiate(c.req.path, c.req.query('format'), c.req.header('accept'));
    c.set('open311Format', format);
    await next();
    // A bare name's format may come from Accept, so caches must keep the two apart.
    if (!SUFFIX.test(c.req.path)) c.res.headers.append('vary', 'Accept');
    const type = c.res.headers.get('content-type') ?? '';
    if (!type.startsWith('application/json')) return;
    if (format === 'json') {
      // Open311, Encoding: "Appropriate HTTP headers must be set": UTF-8 said, not assumed.
      c.res.headers.set('content-type', JSON_TYPE);
      return;
    }
    const status = c.res.status;
    const value: unknown = await c.res.json();
    const plan = status >= 400 ? XML.errors : (c.get('open311Xml') ?? FALLBACK);
    c.res = new Response(toXml(value, plan), { status, headers: { 'content-type': XML_TYPE } });
    c.res.headers.delete('content-length');
    c.res.headers.set('content-type', XML_TYPE);
  };
}
