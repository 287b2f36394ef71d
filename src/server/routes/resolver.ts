import type { Context } from 'hono';
import { Hono } from 'hono';
import { GS1_VOC, type ResolverDescription } from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { isValidExtension, rejectBadGln } from '../http/gln-param.ts';
import { tOf } from '../i18n.ts';
import { answer, badQuery } from '../resolver/answer.ts';
import { resolverCors, withResolverCors } from '../resolver/cors.ts';
import { decompressSegment, uncompressedUri } from '../resolver/decompress.ts';
import { LINKSET_CONTEXT, locationLinks } from '../resolver/links.ts';
import { resolveProduct } from '../resolver/product.ts';

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

/**
 * The answer for a Digital Link URI on this resolver. `sameAs` is set when the request was a
 * compressed URI: the uncompressed one is then exposed in the Link header.
 */
async function resolve(
  c: Context,
  deps: ServiceDeps,
  pathname: string,
  query: URLSearchParams,
  sameAs?: string,
) {
  const parsed = parsePath(c, pathname);
  if ('error' in parsed) return parsed.error;
  if (badQuery(query, ['414', '254', '7040'])) return fail(c, 400, 'bad-query', MESSAGES.badQuery);
  const hit = await deps.records.get(parsed.gln, parsed.ext);
  if (!hit.found) return fail(c, 404, 'not-found', MESSAGES.unknownGln);
  return answer(c, locationLinks(deps.publicOrigin(), hit.record, parsed.ext), query, sameAs);
}

export function resolverRoutes(deps: ServiceDeps) {
  const app = new Hono({ strict: false });
  app.use('/414/*', resolverCors());
  app.use('/01/*', resolverCors());
  app.use('/.well-known/gs1resolver', resolverCors());

  app.get('/.well-known/gs1resolver', (c) => {
    const body: ResolverDescription = {
      name: tOf(c)('server:resolver.name'),
      resolverRoot: deps.publicOrigin(), // PUBLIC_URL: this answer is cached, never from Host
      supportedPrimaryKeys: ['414', '01'],
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

  app.get('/01/*', (c) => {
    const url = new URL(c.req.url);
    return resolveProduct(c, deps, url.pathname, url.searchParams);
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
      if (link.primaryKey.ai === '01')
        return resolveProduct(c, deps, uncompressed.pathname, uncompressed.searchParams, uncompressed.href);
      if (link.primaryKey.ai !== '414') return fail(c, 404, 'not-found', MESSAGES.notFound);
      return resolve(c, deps, uncompressed.pathname, uncompressed.searchParams, uncompressed.href);
    });
  });

  return app;
}
