import { describe, expect, it } from 'vitest';
import type { ProductRecord } from '../../../src/api/index.ts';
import { buildRequest, parseTypedNumber } from '../../../src/features/complaints/filing/evidence.ts';
import { labelledPrice, overpricingDraft } from '../../../src/features/product/overpricing-draft.ts';

const product: ProductRecord = {
  gtin: '06261003000020',
  barcode: 'ean13',
  name: 'روغن مایع آفتابگردان مهرگان',
  brand: 'مهرگان',
  size: '۸۱۰ گرم',
  guild: { code: '4711', name: 'سوپرمارکت و خواربار' },
  party: { role: 'producer', name: 'شرکت صنایع مهرگان' },
  printedPrice: 1_320_000,
  approvedPrice: { rials: 1_190_000, approvedAt: '2025-03-21', authority: 'سازمان حمایت' },
  licences: [],
  updatedAt: '2025-09-28T00:00:00.000Z',
};

const persian = (n: number) => new Intl.NumberFormat('fa-IR').format(n);

describe('overpricing draft from a product', () => {
  it('takes the lower of the printed and the approved price as the labelled price', () => {
    expect(labelledPrice(product)).toBe(1_190_000);
    expect(labelledPrice({ ...product, approvedPrice: null })).toBe(1_320_000);
    expect(labelledPrice({ ...product, printedPrice: null, approvedPrice: null })).toBeUndefined();
  });

  it('becomes an Open311 request with the product, the labelled price and the price paid as numbers', () => {
    const c = overpricingDraft({
      id: 'x',
      product,
      shop: { gln: '6260000000019', name: 'سوپرمارکت آفتاب' },
      pricePaid: '۱٬۵۰۰٬۰۰۰',
      productText: 'روغن مایع آفتابگردان مهرگان، GTIN 6261003000020',
      description: 'بیشتر گرفته شد',
      formatPrice: persian,
      now: 1,
    });
    expect(c.status).toBe('draft');
    expect(c.data.draft?.step).toBe('details');
    expect(parseTypedNumber(c.data.draft!.attributes.labelled_price!)).toBe(1_190_000);
    const attrs = ['product', 'price_paid', 'labelled_price'].map((code, order) => ({
      code,
      datatype: code === 'product' ? 'string' : 'number',
      order,
      required: code === 'price_paid',
      variable: true,
      datatype_description: '',
      description: '',
    }));
    const req = buildRequest(c.data.draft!, attrs as never, { gln: c.gln });
    expect(req).toMatchObject({
      service_code: 'overpricing',
      address_id: '6260000000019',
      description: 'بیشتر گرفته شد',
      attribute: {
        product: 'روغن مایع آفتابگردان مهرگان، GTIN 6261003000020',
        price_paid: 1_500_000,
        labelled_price: 1_190_000,
      },
    });
  });
});
