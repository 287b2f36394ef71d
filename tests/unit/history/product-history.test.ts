import { describe, expect, it } from 'vitest';
import { buildHistoryIndex, searchHistory } from '../../../src/features/history/history-index.ts';
import { classify } from '../../../src/gs1/index.ts';
import { buildScanRecord } from '../../../src/scanner/record-scan.ts';

// A medicine's GS1 DataMatrix and a product's Digital Link, recorded as the scanner records them.
const medicine = ']d2010626102900001117240731\u001d10L2407A';
const oilLink = 'https://qr.example.ir/01/06261003000020';
const scans = [
  { ...buildScanRecord(medicine, classify(medicine), 2), id: 2 },
  { ...buildScanRecord(oilLink, classify(oilLink), 1), id: 1 },
];
const products = new Map([
  ['06261029000011', { name: 'پماد موضعی آوا‌درم', brand: 'آوا‌درم' }],
  ['06261003000020', { name: 'روغن مایع آفتابگردان مهرگان', brand: 'مهرگان' }],
]);
const index = buildHistoryIndex(scans, new Map(), products);

describe('products in scan history', () => {
  it('names a product scan from its saved record and keeps its lot and expiry', () => {
    expect(index.map((e) => e.name)).toEqual(['پماد موضعی آوا‌درم', 'روغن مایع آفتابگردان مهرگان']);
    expect(index[0]!.product).toEqual({ gtin: '06261029000011', lot: 'L2407A', expiry: '240731' });
  });

  it('finds a product by its name, its brand or its GTIN in Persian digits', () => {
    expect(searchHistory(index, 'آفتابگردان').map((e) => e.scan.id)).toEqual([1]);
    expect(searchHistory(index, 'آوادرم').map((e) => e.scan.id)).toEqual([2]);
    expect(searchHistory(index, '۶۲۶۱۰۰۳').map((e) => e.scan.id)).toEqual([1]);
  });
});
