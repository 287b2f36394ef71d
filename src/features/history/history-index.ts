import { type ProductScan, productOfScan } from '../../api/product-code.ts';
import type { ScanRecord } from '../../db/database.ts';
import { matchesTokens, queryTokens, searchHaystack } from '../../i18n/persian-text.ts';

export type HistoryEntry = {
  scan: ScanRecord;
  name?: string;
  union?: string;
  /** The product a scanned barcode names (GTIN, lot, expiry), when it is one. */
  product?: ProductScan;
  /** Folded text the search runs over; built once per load, not per keystroke. */
  hay: string;
};

export function buildHistoryIndex(
  scans: ScanRecord[],
  places: Map<string, { name?: string; union?: string }>,
  products: Map<string, { name: string; brand: string }> = new Map(),
): HistoryEntry[] {
  return scans.map((scan) => {
    const product = productOfScan(scan.classification) ?? undefined;
    if (product) {
      // A product is named from its saved record and found by its name, brand or GTIN.
      const known = products.get(product.gtin);
      const hay = searchHaystack(known?.name, known?.brand, product.gtin, scan.search);
      return { scan, name: scan.name ?? known?.name, union: known?.brand, product, hay };
    }
    const place = scan.gln ? places.get(scan.gln) : undefined;
    const name = scan.name ?? place?.name;
    const union = place?.union;
    return { scan, name, union, hay: searchHaystack(name, union, scan.gln, scan.ext, scan.search) };
  });
}

/** Entries whose name, GLN, union or identifiers contain every word of the query; order is kept. */
export function searchHistory(entries: HistoryEntry[], query: string): HistoryEntry[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return entries;
  return entries.filter((e) => matchesTokens(e.hay, tokens));
}
