import { describe, expect, it } from 'vitest';
import { productPath } from '../../../src/api/paths.ts';
import {
  checkGtin,
  displayGtin,
  expiryDate,
  isExpired,
  productOfDigitalLink,
  productOfScan,
} from '../../../src/api/product-code.ts';
import { digitalLinkToAppPath } from '../../../src/app/dl-path.ts';
import { classify } from '../../../src/gs1/index.ts';

const NOW = new Date('2026-11-30T12:00:00Z');

describe('GTIN checks', () => {
  it('pads GTIN-8, -12 and -13 to 14 digits ("right-justified ... leading zeros", GenSpecs 3.2)', () => {
    expect(checkGtin('62600019')).toEqual({ ok: true, gtin: '00000062600019' });
    expect(checkGtin('010031000016')).toEqual({ ok: true, gtin: '00010031000016' });
    expect(checkGtin('۶۲۶۱۰۰۳۰۰۰۰۲۰')).toEqual({ ok: true, gtin: '06261003000020' });
    expect(displayGtin('06261003000020')).toBe('6261003000020');
    expect(displayGtin('00000062600019')).toBe('62600019');
  });

  it('tells a wrong check digit (7.9.1) from a wrong length', () => {
    expect(checkGtin('6261003000021')).toMatchObject({
      ok: false,
      reason: 'check-digit',
      expected: 0,
      actual: 1,
    });
    expect(checkGtin('62610030000')).toMatchObject({ ok: false, reason: 'shape' });
  });
});

describe('AI 17 dates (GenSpecs 7.12)', () => {
  it('reads YYMMDD in the century window around the current year', () => {
    expect(expiryDate('240731', NOW)?.toISOString().slice(0, 10)).toBe('2024-07-31');
    // 99 - 26 = 73: "If the difference is 51 to 99, the previous century".
    expect(expiryDate('991231', NOW)?.toISOString().slice(0, 10)).toBe('1999-12-31');
    expect(expiryDate('761231', NOW)?.toISOString().slice(0, 10)).toBe('2076-12-31');
  });

  it('reads day 00 as the last day of the month, and refuses impossible dates', () => {
    expect(expiryDate('280200', NOW)?.toISOString().slice(0, 10)).toBe('2028-02-29');
    expect(expiryDate('261300', NOW)).toBeNull();
    expect(expiryDate('260231', NOW)).toBeNull();
  });

  it('counts a product as good through its expiry day', () => {
    expect(isExpired('261130', NOW)).toBe(false);
    expect(isExpired('261129', NOW)).toBe(true);
  });
});

describe('product codes to the product page', () => {
  it('reads GTIN, lot and expiry from a Digital Link and from an element string scan', () => {
    expect(productOfDigitalLink('/01/06261003000020/10/L1', '?17=240731')).toEqual({
      gtin: '06261003000020',
      lot: 'L1',
      expiry: '240731',
    });
    expect(productOfScan(classify(']d2010626102900001117240731\u001d10L2407A'))).toEqual({
      gtin: '06261029000011',
      lot: 'L2407A',
      expiry: '240731',
    });
    expect(productOfScan(classify('https://qr.example.ir/414/6260000000019'))).toBeNull();
  });

  it('maps /01/… to /product/… and keeps /414/… going to the shop page', () => {
    expect(digitalLinkToAppPath('/01/06261003000020/10/L1', '?17=240731')).toBe(
      productPath('06261003000020', { lot: 'L1', expiry: '240731' }),
    );
    expect(productPath('06261003000020', { lot: 'L1', expiry: '240731' })).toBe(
      '/product/06261003000020?10=L1&17=240731',
    );
    expect(digitalLinkToAppPath('/414/6260000000019', '?x=1')).toBe('/place/6260000000019?x=1');
    expect(digitalLinkToAppPath('/01/06261003000021')).toBeNull();
  });
});
