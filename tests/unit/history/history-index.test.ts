import { describe, expect, it } from 'vitest';
import type { ScanRecord } from '../../../src/db/database.ts';
import { buildHistoryIndex, searchHistory } from '../../../src/features/history/history-index.ts';

function scan(id: number, gln: string, at: number): ScanRecord {
  return {
    id,
    raw: `https://qr.example.ir/414/${gln}`,
    kind: 'gs1-location',
    classification: { kind: 'gs1-location', gln, elements: [{ ai: '414', value: gln }] },
    gln,
    at,
    search: gln,
  };
}

const places = new Map([
  ['6260000000019', { name: 'پوشاک ياس', union: 'اتحادیه صنف پوشاک تهران' }],
  ['6260000000026', { name: 'نانوایی بربری', union: 'اتحادیه نانوایان مشهد' }],
]);
const index = buildHistoryIndex([scan(2, '6260000000026', 2), scan(1, '6260000000019', 1)], places);

describe('history search', () => {
  it('finds a scan by the name of its shop, typed with Persian letters where the record has Arabic ones', () => {
    expect(searchHistory(index, 'یاس').map((e) => e.scan.id)).toEqual([1]);
  });

  it('finds a scan by its union', () => {
    expect(searchHistory(index, 'نانوایان').map((e) => e.scan.id)).toEqual([2]);
  });

  it('finds a scan by GLN typed in Persian digits', () => {
    expect(searchHistory(index, '۰۰۰۰۰۲۶').map((e) => e.scan.id)).toEqual([2]);
  });

  it('keeps the most-recent-first order and returns everything for an empty query', () => {
    expect(searchHistory(index, '  ').map((e) => e.scan.id)).toEqual([2, 1]);
  });

  it('names a scan from the cached record when the scan itself has no name yet', () => {
    expect(index.find((e) => e.scan.id === 1)?.name).toBe('پوشاک ياس');
  });
});
