import { describe, expect, it } from 'vitest';
import {
  gregorianOf,
  parseJalaliDateTime,
  todayJalali,
} from '../../../../src/features/complaints/filing/jalali-date.ts';

const iso = (ms: number | undefined) =>
  ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 10);

describe('Jalali dates typed as on a receipt', () => {
  it('converts known dates', () => {
    expect(iso(gregorianOf(1405, 1, 1))).toBe('2026-03-21');
    expect(iso(gregorianOf(1403, 12, 30))).toBe('2025-03-20'); // 1403 is a leap year
    expect(iso(gregorianOf(1405, 9, 4))).toBe('2026-11-25');
    expect(iso(gregorianOf(1402, 6, 31))).toBe('2023-09-22');
  });

  it('refuses days that are not in the calendar', () => {
    expect(gregorianOf(1404, 12, 30)).toBeUndefined(); // 1404 is not a leap year
    expect(gregorianOf(1405, 7, 31)).toBeUndefined();
    expect(gregorianOf(1405, 13, 1)).toBeUndefined();
  });

  it('reads Persian digits, several separators and an optional time, in Tehran time', () => {
    expect(parseJalaliDateTime('۱۴۰۵/۰۹/۰۴ ۱۸:۳۰')).toBe('2026-11-25T18:30:00+03:30');
    expect(parseJalaliDateTime('1405-9-4')).toBe('2026-11-25T00:00:00+03:30');
    expect(parseJalaliDateTime('۱۴۰۵.۹.۴')).toBe('2026-11-25T00:00:00+03:30');
    expect(parseJalaliDateTime('1405/09/04 25:00')).toBeUndefined();
    expect(parseJalaliDateTime('دیروز')).toBeUndefined();
  });

  it('gives today as the placeholder', () => {
    expect(todayJalali(Date.parse('2026-11-25T12:00:00Z'))).toBe('1405/09/04');
  });
});
