import type { ProductRecord } from '../../api/index.ts';
import { displayGtin } from '../../api/product-code.ts';
import type { Complaint } from '../../db/complaints.ts';
import { emptyDraft } from '../complaints/filing/evidence.ts';

// The overpricing complaint a product page starts: a draft the complaint form then resumes, with
// the product and its registered price filled in from the record, so nothing is retyped.

/** The category in the service's catalogue (server/complaints/categories.ts). */
export const OVERPRICING = 'overpricing';

/** The price a seller may charge at most: the lower of the printed and the approved price. */
export function labelledPrice(p: ProductRecord): number | undefined {
  const prices = [p.printedPrice, p.approvedPrice?.rials].filter((x): x is number => typeof x === 'number');
  return prices.length ? Math.min(...prices) : undefined;
}

export type OverpricingInput = {
  id: string;
  product: ProductRecord;
  shop: { gln: string; name?: string };
  /** What the shopper paid, as typed (digits of either script). */
  pricePaid: string;
  /** Sentences from the locale: the product line and the prices line. */
  productText: string;
  description: string;
  /** How the labelled price is written into its field (the UI's digits; the form reads either). */
  formatPrice: (rials: number) => string;
  now: number;
};

export function overpricingDraft(input: OverpricingInput): Complaint {
  const draft = emptyDraft(OVERPRICING);
  const labelled = labelledPrice(input.product);
  draft.attributes = {
    product: input.productText,
    price_paid: input.pricePaid.trim(),
    ...(labelled !== undefined ? { labelled_price: input.formatPrice(labelled) } : {}),
  };
  draft.description = input.description;
  return {
    id: input.id,
    gln: input.shop.gln,
    serviceCode: OVERPRICING,
    status: 'draft',
    createdAt: input.now,
    updatedAt: input.now,
    unread: 0,
    data: { draft, notes: [], seenUnionNotes: 0, placeName: input.shop.name },
  };
}

/** GTIN as printed, for the product line. */
export const printedGtin = (p: ProductRecord) => displayGtin(p.gtin);
