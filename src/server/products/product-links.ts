import { GS1_VOC, type LinkTarget, type ProductRecord } from '../../api/index.ts';
import { productPath } from '../../api/product-code.ts';
import { COMPLAINT_LINK_TYPE, DEFAULT_LINK, type LinkContext } from '../resolver/links.ts';

// The links a product's GTIN resolves to, in GS1 Web Vocabulary terms. Pure, like the location
// links beside it: origin and record in, link contexts out.

const FA = ['fa'];

/** `/01/{gtin}[/10/{lot}]`: the anchor of one level. */
export function productAnchorPath(gtin: string, lot?: string): string {
  return `/01/${gtin}${lot ? `/10/${encodeURIComponent(lot)}` : ''}`;
}

function levelLinks(origin: string, p: ProductRecord, lot?: string): LinkContext {
  const page = origin + productPath(p.gtin, { lot });
  const title = `${p.name} (${p.size}) در کالا به فی`;
  const links = new Map<string, LinkTarget[]>([
    [DEFAULT_LINK, [{ href: page, title }]],
    // Product information page: the app's page, with prices and licences.
    [`${GS1_VOC}pip`, [{ href: page, title, hreflang: FA, type: 'text/html' }]],
    [
      `${GS1_VOC}masterData`,
      [
        {
          href: `${origin}/api/v1/products/${p.gtin}`,
          title: `اطلاعات ثبتی ${p.name}`,
          hreflang: FA,
          type: 'application/json',
        },
      ],
    ],
    [
      COMPLAINT_LINK_TYPE,
      [
        {
          href: `${origin}/product/${p.gtin}/complain`,
          title: 'گزارش گران‌فروشی این کالا',
          hreflang: FA,
          type: 'text/html',
        },
      ],
    ],
  ]);
  return {
    anchor: origin + productAnchorPath(p.gtin, lot),
    itemDescription: `${p.name} — ${p.brand} — ${p.size}`,
    links,
  };
}

/**
 * Most specific first: the batch, then its GTIN ("any links associated with each level up to the
 * primary key SHALL be included"). We hold no data per batch or serial, so a batch level carries
 * the same links with the batch passed on to the page.
 */
export function productLinks(origin: string, p: ProductRecord, lot?: string): LinkContext[] {
  return lot ? [levelLinks(origin, p, lot), levelLinks(origin, p)] : [levelLinks(origin, p)];
}
