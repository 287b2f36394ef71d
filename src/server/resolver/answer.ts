import type { Context } from 'hono';
import { fail, MESSAGES } from '../http/errors.ts';
import {
  DEFAULT_LINK,
  LINKSET_CONTEXT,
  type LinkContext,
  normaliseLinkType,
  pickTarget,
  toLinkset,
} from './links.ts';

// The part of a resolver's answer that is the same for every primary key (AI 414 plates, AI 01
// products): the linkset, or a 307 to the requested link type, with the query passed on.

/**
 * Numeric query keys are GS1 data attributes; the key itself, one of its qualifiers (`pathAis`),
 * a duplicate or an empty value there is an error.
 */
export function badQuery(query: URLSearchParams, pathAis: readonly string[]): boolean {
  const seen = new Set<string>();
  for (const [k, v] of query) {
    if (!/^\d+$/.test(k)) continue;
    if (pathAis.includes(k) || seen.has(k) || v === '' || v.includes('\0')) return true;
    seen.add(k);
  }
  return false;
}

/**
 * "By default, SHALL pass on all key=value pairs in the query string of the request URI (if
 * present) when redirecting": every pair, linkType included, after the target's own.
 */
export function passQueryOn(href: string, query: URLSearchParams): string {
  if (query.size === 0) return href;
  const target = new URL(href);
  for (const [k, v] of query) target.searchParams.append(k, v);
  return target.href;
}

/**
 * The answer for known link contexts (most specific first). `sameAs` is set when the request was
 * a compressed URI: the uncompressed one is then exposed in the Link header.
 */
export function answer(c: Context, contexts: LinkContext[], query: URLSearchParams, sameAs?: string) {
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
