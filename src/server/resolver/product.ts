import type { Context } from 'hono';
import { parseDigitalLink } from '../../gs1/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { productLinks } from '../products/product-links.ts';
import { answer, badQuery } from './answer.ts';

// The resolver for AI 01 (GTIN): `/01/{gtin}[/22/{cpv}][/10/{lot}][/21/{serial}]`, answered like
// a plate's `/414/{gln}`. The path is checked by the GS1 core's Digital Link parser (14-digit
// GTIN, check digit, qualifier order); a wrong check digit has its own message.

/** AI 01's key qualifiers (GS1 Digital Link: 22, 10, 21 and 235) and the key itself. */
const PATH_AIS = ['01', '22', '10', '21', '235'];

export function resolveProduct(
  c: Context,
  deps: ServiceDeps,
  pathname: string,
  query: URLSearchParams,
  sameAs?: string,
) {
  const origin = deps.publicOrigin(); // PUBLIC_URL: links never follow the Host header
  // "SHOULD tolerate trailing slashes" (resolver standard), though the URI syntax has none.
  pathname = pathname.replace(/(?<=.)\/$/, '');
  const parsed = parseDigitalLink(`${origin}${pathname}`);
  if (!parsed.ok || parsed.primaryKey?.ai !== '01' || !pathname.startsWith('/01/')) {
    if (!parsed.ok && parsed.error.code === 'bad-check-digit')
      return fail(c, 400, 'bad-check-digit', MESSAGES.badGtinCheckDigit);
    return fail(c, 400, 'bad-path', MESSAGES.badPath);
  }
  if (badQuery(query, PATH_AIS)) return fail(c, 400, 'bad-query', MESSAGES.badQuery);
  // Data attributes (AI 17 expiry, ...) are checked against their format too.
  const numeric = [...query].filter(([k]) => /^\d+$/.test(k));
  if (numeric.length > 0) {
    const withAttributes = parseDigitalLink(`${origin}${pathname}?${new URLSearchParams(numeric)}`);
    if (!withAttributes.ok) return fail(c, 400, 'bad-query', MESSAGES.badQuery);
  }
  const product = deps.products.get(parsed.primaryKey.value);
  if (!product) return fail(c, 404, 'not-found', MESSAGES.unknownGtin);
  const lot = parsed.qualifiers.find((q) => q.ai === '10')?.value;
  return answer(c, productLinks(origin, product, lot), query, sameAs);
}
