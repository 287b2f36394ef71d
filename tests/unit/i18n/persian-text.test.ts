import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesTokens, queryTokens, searchHaystack } from '../../../src/i18n/persian-text.ts';

describe('searching Persian as people type it', () => {
  it('treats the Arabic forms of ye and kaf as the Persian ones', () => {
    expect(foldForSearch('كتاب فروشي')).toBe(foldForSearch('کتاب فروشی'));
  });

  it('treats Persian and Arabic-Indic digits as Latin digits', () => {
    expect(foldForSearch('۶۲۶٠٠٠')).toBe('626000');
  });

  it('finds a compound word whether typed with a ZWNJ, a space or nothing between its parts', () => {
    const hay = searchHaystack('کتاب‌فروشی امید');
    for (const q of ['کتاب فروشی', 'کتابفروشی', 'کتاب‌فروشی'])
      expect(matchesTokens(hay, queryTokens(q))).toBe(true);
  });

  it('needs every word of the query to match', () => {
    const hay = searchHaystack('نانوایی سنگک بربری', '6260000000019');
    expect(matchesTokens(hay, queryTokens('سنگک ۶۲۶'))).toBe(true);
    expect(matchesTokens(hay, queryTokens('سنگک لواش'))).toBe(false);
  });

  it('ignores diacritics and tatweel', () => {
    expect(foldForSearch('مُحَمَّد')).toBe('محمد');
    expect(foldForSearch('بـــازار')).toBe('بازار');
  });
});
