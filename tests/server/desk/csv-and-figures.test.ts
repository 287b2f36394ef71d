import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../../src/server/desk/csv.ts';
import { dashboardOf, jalaliMonth, median } from '../../../src/server/desk/dashboard.ts';

// The desk's CSV cells and dashboard arithmetic, on known inputs.

describe('CSV cells', () => {
  it('quotes a field with a comma, quote or line break and doubles its quotes (RFC 4180 §2.6, §2.7)', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', 3])).toBe('"a,b","say ""hi""","two\nlines",3\r\n');
  });

  it('neutralises a cell a spreadsheet would run as a formula (= + - @, tab, carriage return)', () => {
    for (const s of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(csvCell(s).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('قیمت = ۵۰۰')).toBe('قیمت = ۵۰۰');
    expect(csvCell(-5)).toBe('-5');
  });
});

describe('dashboard figures', () => {
  const row = (requestedAt: string, firstReplyAt: string | null, substatus = 'received' as const) => ({
    serviceCode: 'overpricing',
    substatus,
    requestedAt,
    expectedAt: new Date(Date.parse(requestedAt) + 10 * 86_400_000).toISOString(),
    updatedAt: requestedAt,
    firstReplyAt,
  });

  it('takes the median of an odd and an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('measures the median hours to the first reply over the complaints that had one', () => {
    const board = dashboardOf(
      [
        row('2026-11-01T08:00:00Z', '2026-11-01T10:00:00Z'),
        row('2026-11-02T08:00:00Z', '2026-11-03T08:00:00Z'),
        row('2026-11-03T08:00:00Z', '2026-11-03T14:00:00Z'),
        row('2026-11-04T08:00:00Z', null),
      ],
      new Date('2026-11-20T00:00:00Z'),
    );
    expect(board.median_first_reply_minutes).toBe(6 * 60);
    expect(board.open).toBe(4);
    expect(board.overdue).toBe(4);
  });

  it("buckets by the Jalali month in Tehran's time: Nowruz 1405 begins 2026-03-20 20:30 UTC", () => {
    expect(jalaliMonth('2026-03-20T20:00:00Z')).toBe('1404-12');
    expect(jalaliMonth('2026-03-20T21:00:00Z')).toBe('1405-01');
    expect(jalaliMonth('2026-11-30T12:00:00Z')).toBe('1405-09');
  });
});
