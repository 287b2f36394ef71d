import type { Context } from 'hono';
import { Hono } from 'hono';
import { GS1_VOC, type ResolverDescription } from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { isValidExtension, rejectBadGln } from '../http/gln-param.ts';
import { resolverCors, withResolverCors } from '../resolver/cors.ts';
import { decompressSegment, uncompressedUri } from '../resolver/decompress.ts';
import {
  DEFAULT_LINK,
  LINKSET_CONTEXT,
  locationLinks,
  normaliseLinkType,
  pickTarget,
  toLinkset,
} from '../resolver/links.ts';

// GS1-Conformant resolver for AI 414: redirect to the default link, serve the linkset, follow a
// requested link type, answer compressed Digital Link URIs. Every malformed request is a 400,
// never a 200.

type Parsed = { gln: string; ext?: string } | { error: Response };

function parsePath(c: Context, pathname: string): Parsed {
  const raw = pathname.split('/').slice(1);
  if (raw.at(-1) === '') raw.pop(); // a trailing slash is tolerated
  let segs: string[];
  try {
    segs = raw.map(decodeURIComponent);
  } catch {
    return { error: fail(c, 400, 'bad-path', MESSAGES.badPath) };
  }
  const [key, gln, qualifier, value] = segs;
  if (key !== '414' || !gln || (segs.length !== 2 && segs.length !== 4))
    return { error: fail(c, 400, 'bad-path', MESSAGES.badPath) };
  const bad = rejectBadGln(c, gln);
  if (bad) return { error: bad };
  if (segs.length === 2) return { gln };
  if (qualifier === '254') {
    if (!value || !isValidExtension(value))
      return { error: fail(c, 400, 'bad-extension', MESSAGES.badExtension) };
    return { gln, ext: value };
  }
  // AI 7040 (UIC with extension) is a valid qualifier of 414; we hold no data at that level, so walk up.
  if (qualifier === '7040' && value && /^[0-9][0-9A-Za-z!"%&'()*+,\-./:;<=>?_]{3}$/.test(value))
    return { gln };
  return { error: fail(c, 400, 'bad-path', MESSAGES.badPath) };
}

/** Numeric query keys are GS1 data attributes; a qualifier or key there, or a duplicate, is an error. */
function badQuery(query: URLSearchParams): boolean {
  const seen = new Set<string>();
  for (const [k, v] of query) {
    if (!/^\d+$/.test(k)) continue;
    if (k === '414' || k === '254' || k === '7040' || seen.has(k) || v === '' || v.includes('\0'))
      return true;
    seen.add(k);
  }
  return false;
}

/**
 * "By default, SHALL pass on all key=value pairs in the query string of the request URI (if
 * present) when redirecting": every pair, linkType included, after the target's own.
 */
function passQueryOn(href: string, query: URLSearchParams): string {
  if (query.size === 0) return href;
  const target = new URL(href);
  for (const [k, v] of query) target.searchParams.append(k, v);
  return target.href;
}

/**
 * The answer for a Digital Link URI on this resolver. `sameAs` is set when the request was a
 * compressed URI: the uncompressed one is then exposed in the Link header.
 */
function resolve(c: Context, deps: ServiceDeps, pathname: string, query: URLSearchParams, sameAs?: string) {
  const parsed = parsePath(c, pathname);
  if ('error' in parsed) return parsed.error;
  if (badQuery(query)) return fail(c, 400, 'bad-query', MESSAGES.badQuery);
  const hit = deps.records.get(parsed.gln, parsed.ext);
  if (!hit.found) return fail(c, 404, 'not-found', MESSAGES.unknownGln);
  const origin = deps.publicOrigin(); // PUBLIC_URL: Location and links never follow the Host header
  const contexts = locationLinks(origin, hit.record, parsed.ext);
  const anchor = contexts[0]!.anchor;
  const links = [`<${anchor}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`];
  if (sameAs) links.push(`<${sameAs}>; rel="owl:sameAs"`);
  c.header('Vary', 'Accept, Accept-Language');

  const linkType = query.get('linkType');
  const wantsLinkset =
    linkType === 'linkset' ||
    linkType === 'all' ||
    (!linkType && (c.req.header('accept') ?? '').includes('application/linkset+json'));
  if (wantsLinkset) {
    // "When requesting the linkset the HTTP response headers SHOULD include a Link header
    // pointing to a JSON-LD context file."
    links.push(
      `<${LINKSET_CONTEXT}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`,
    );
    c.header('Link', links.join(', '));
    c.header('Cache-Control', 'public, max-age=60');
    return c.body(JSON.stringify(toLinkset(contexts)), 200, { 'Content-Type': 'application/linkset+json' });
  }
  c.header('Link', links.join(', '));
  const target = pickTarget(
    contexts,
    normaliseLinkType(linkType ?? DEFAULT_LINK),
    linkType ? c.req.header('accept') : undefined,
    linkType ? c.req.header('accept-language') : undefined,
  );
  if (!target) return fail(c, 404, 'unknown-link-type', MESSAGES.unknownLinkType);
  return c.redirect(passQueryOn(target.href, query), 307);
}

export function resolverRoutes(deps: ServiceDeps) {
  const app = new Hono({ strict: false });
  app.use('/414/*', resolverCors());
  app.use('/.well-known/gs1resolver', resolverCors());

  app.get('/.well-known/gs1resolver', (c) => {
    const body: ResolverDescription = {
      name: 'کالا به فی — حل‌کنندهٔ مرجع شناسهٔ مکان',
      resolverRoot: deps.publicOrigin(), // PUBLIC_URL: this answer is cached, never from Host
      supportedPrimaryKeys: ['414'],
      supportedLinkType: [{ namespace: GS1_VOC, prefix: 'gs1:', profile: `${GS1_VOC}?show=linktypes` }],
      linkTypeDefaultCanBeLinkset: false,
      supportedContextValuesEnumerated: [],
      validatingPrimaryKeys: true,
      jsonLdContextLocation: LINKSET_CONTEXT,
    };
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(body);
  });

  app.get('/414/*', (c) => {
    const url = new URL(c.req.url);
    return resolve(c, deps, url.pathname, url.searchParams);
  });

  // A compressed Digital Link URI: one base64url segment at the root (a GLN takes at least ten
  // characters). Anything that does not decompress to valid GS1 data is left to the app's pages.
  app.use('/:segment', async (c, next) => {
    const segment = c.req.param('segment');
    const readOnly = ['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
    const link = readOnly && segment.length >= 10 ? decompressSegment(segment) : null;
    if (!link) return next();
    return withResolverCors(c, () => {
      const url = new URL(c.req.url);
      const uncompressed = new URL(uncompressedUri(link, deps.publicOrigin()));
      for (const [k, v] of url.searchParams) uncompressed.searchParams.append(k, v);
      // We hold locations only: another key decompresses fine but is not ours to answer.
      // "If handling a compressed request URI, it SHALL expose the uncompressed URI in the Link
      // response header with a rel value of owl:sameAs", whatever the answer turns out to be.
      c.header('Link', `<${uncompressed.href}>; rel="owl:sameAs"`);
      if (link.primaryKey.ai !== '414') return fail(c, 404, 'not-found', MESSAGES.notFound);
      return resolve(c, deps, uncompressed.pathname, uncompressed.searchParams, uncompressed.href);
    });
  });

  return app;
}
