import type { Context } from 'hono';
import { Hono } from 'hono';
import { GS1_VOC, type ResolverDescription } from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { isValidExtension, rejectBadGln } from '../http/gln-param.ts';
import { anchorPath, locationLinks, normaliseLinkType, toLinkset } from '../resolver/links.ts';

// GS1-Conformant resolver for AI 414: redirect to the default link, serve the linkset, follow a
// requested link type. Every malformed request is a 400, never a 200.

type Parsed = { gln: string; ext?: string } | { error: Response };

function parsePath(c: Context): Parsed {
  const raw = new URL(c.req.url).pathname.split('/').slice(1);
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
function badQuery(url: URL): boolean {
  const seen = new Set<string>();
  for (const [k, v] of url.searchParams) {
    if (!/^\d+$/.test(k)) continue;
    if (k === '414' || k === '254' || k === '7040' || seen.has(k) || v === '' || v.includes('\0'))
      return true;
    seen.add(k);
  }
  return false;
}

export function resolverRoutes(deps: ServiceDeps) {
  const app = new Hono({ strict: false });

  app.get('/.well-known/gs1resolver', (c) => {
    const origin = new URL(c.req.url).origin;
    const body: ResolverDescription = {
      name: 'کالا به فی — حل‌کنندهٔ مرجع شناسهٔ مکان',
      resolverRoot: origin,
      supportedPrimaryKeys: ['414'],
      supportedLinkType: [{ namespace: GS1_VOC, prefix: 'gs1:', profile: `${GS1_VOC}?show=linktypes` }],
      linkTypeDefaultCanBeLinkset: true,
      supportedContextValuesEnumerated: [],
      validatingPrimaryKeys: true,
    };
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(body);
  });

  app.get('/414/*', async (c) => {
    const parsed = parsePath(c);
    if ('error' in parsed) return parsed.error;
    const url = new URL(c.req.url);
    if (badQuery(url)) return fail(c, 400, 'bad-query', MESSAGES.badQuery);
    const hit = await deps.records.get(parsed.gln, parsed.ext);
    if (!hit.found) return fail(c, 404, 'not-found', MESSAGES.unknownGln);
    // An unknown extension walks up: the links are the GLN's own.
    const ext = hit.record.subLocation ? parsed.ext : undefined;
    const links = locationLinks(url.origin, hit.record, ext);
    const linkType = url.searchParams.get('linkType');
    c.header('Vary', 'Accept');
    c.header(
      'Link',
      `<${url.origin}${anchorPath(parsed.gln, ext)}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`,
    );

    const wantsLinkset =
      linkType === 'linkset' ||
      linkType === 'all' ||
      (!linkType && (c.req.header('accept') ?? '').includes('application/linkset+json'));
    if (wantsLinkset) {
      c.header('Cache-Control', 'public, max-age=60');
      return c.body(JSON.stringify(toLinkset(links)), 200, { 'Content-Type': 'application/linkset+json' });
    }
    const wanted = normaliseLinkType(linkType ?? 'gs1:defaultLink');
    const target = links.links.get(wanted)?.[0];
    if (!target) return fail(c, 404, 'unknown-link-type', MESSAGES.unknownLinkType);
    let location = target.href;
    if (wanted === `${GS1_VOC}defaultLink`) {
      // The query string is passed on to the default link (utm tags and the like), minus linkType.
      url.searchParams.delete('linkType');
      const q = url.searchParams.toString();
      if (q) location += `?${q}`;
    }
    return c.redirect(location, 307);
  });

  return app;
}
