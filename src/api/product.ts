import { z } from 'zod';

// The public product record: what a GTIN (AI 01) resolves to. Prices are whole rials, as Iranian
// packs and price lists print them; the app shows tomans beside them.

/** 14 digits (a GTIN-8, -12 or -13 padded with leading zeros); the service checks the check digit. */
export const GtinSchema = z.string().regex(/^\d{14}$/, 'GTIN must be 14 digits');

export const BARCODE_KINDS = ['ean13', 'ean8', 'upca', 'gs1datamatrix', 'gs1-128', 'databar'] as const;
export const BarcodeKindSchema = z.enum(BARCODE_KINDS);
export type BarcodeKind = z.infer<typeof BarcodeKindSchema>;

/** Who answers for the product in Iran: its maker, or for foreign goods its importer. */
export const ProductPartySchema = z.object({
  role: z.enum(['producer', 'importer']),
  name: z.string(),
  /** For imports, the country it was made in (Persian name). */
  countryOfOrigin: z.string().optional(),
});
export type ProductParty = z.infer<typeof ProductPartySchema>;

export const PRODUCT_LICENCE_KINDS = ['health', 'irc', 'standard'] as const;
/**
 * `health`: the Food and Drug Organization's manufacturing licence (پروانهٔ ساخت); `irc`: its
 * 16-digit health registration code (کد IRC); `standard`: the national standard mark's standard
 * number (نشان استاندارد).
 */
export const ProductLicenceSchema = z.object({
  kind: z.enum(PRODUCT_LICENCE_KINDS),
  number: z.string(),
});
export type ProductLicence = z.infer<typeof ProductLicenceSchema>;

export const ApprovedPriceSchema = z.object({
  rials: z.number().int().positive(),
  /** The day the price was approved (ISO date). */
  approvedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Who approved it (Persian name). */
  authority: z.string(),
});
export type ApprovedPrice = z.infer<typeof ApprovedPriceSchema>;

export const ProductRecordSchema = z.object({
  gtin: GtinSchema,
  /** The symbol printed on the pack. */
  barcode: BarcodeKindSchema,
  name: z.string(),
  brand: z.string(),
  /** Net quantity as printed (Persian text, e.g. «۹۰۰ گرم»). */
  size: z.string(),
  guild: z.object({ code: z.string(), name: z.string() }),
  party: ProductPartySchema,
  /** The consumer price printed on the pack (قیمت مصرف‌کننده), rials; null where none is printed. */
  printedPrice: z.number().int().positive().nullable(),
  approvedPrice: ApprovedPriceSchema.nullable(),
  licences: z.array(ProductLicenceSchema),
  updatedAt: z.string(),
});
export type ProductRecord = z.infer<typeof ProductRecordSchema>;
