import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatAge,
  formatDate,
  formatNumber,
  localDigits,
  toLatinDigits,
  toPersianDigits,
} from '../../../src/i18n/format.ts';
import { initI18n } from '../../../src/i18n/setup.ts';

beforeAll(() => initI18n('fa'));

describe('numbers and dates in the Persian UI', () => {
  it('writes digits in Persian', () => {
    expect(toPersianDigits('GLN 626')).toBe('GLN ۶۲۶');
    expect(localDigits(2048)).toBe('۲۰۴۸');
    expect(formatNumber(1234)).toMatch(/^۱.۲۳۴$/);
  });

  it('reads typed Persian and Arabic-Indic digits as Latin', () => {
    expect(toLatinDigits('۶۲۶٠٠٠۱۹')).toBe('62600019');
  });

  it('shows dates in the Jalali calendar in Tehran time', () => {
    // 2026-03-20 21:00 UTC is 1 Farvardin 1405, 00:30 in Tehran (UTC+3:30).
    const text = formatDate(Date.UTC(2026, 2, 20, 21, 0));
    expect(text).toContain('فروردین');
    expect(text).toContain('۱۴۰۵');
    expect(text).not.toMatch(/[0-9]/);
  });

  it('says how old a cached record is', () => {
    const now = Date.UTC(2026, 0, 1, 12);
    expect(formatAge(now - 3 * 3600_000, now)).toMatch(/۳ ساعت/);
  });

  it('uses the Gregorian calendar and Latin digits in English', () => {
    expect(formatDate(Date.UTC(2026, 2, 20, 21, 0), {}, 'en')).toMatch(/2026/);
    expect(localDigits(42, 'en')).toBe('42');
  });
});
