import { describe, expect, it, vi } from 'vitest';
import { handleDecode } from '../../../src/features/scan/handle-decode.ts';
import { licencePath, openableUrl, placePath, routeForScan } from '../../../src/features/scan/scan-route.ts';
import { readTypedGln } from '../../../src/features/scan/typed-gln.ts';
import { classify, GS } from '../../../src/gs1/index.ts';
import type { ScanKind } from '../../../src/gs1/types.ts';
import { buildScanRecord, searchTextOf } from '../../../src/scanner/record-scan.ts';

const plate: ScanKind = {
  kind: 'gs1-location',
  gln: '6260000000019',
  elements: [],
  uri: 'https://qr.example.ir/414/6260000000019',
  domain: 'qr.example.ir',
};
const phishing: ScanKind = {
  kind: 'url',
  url: 'https://paypa1-login.example.com/verify',
  domain: 'paypa1-login.example.com',
  scheme: 'https',
  safe: true,
};

describe('result routing', () => {
  it('opens the shop page for a location plate', () => {
    expect(routeForScan(plate)).toEqual({ to: 'page', path: '/place/6260000000019' });
  });

  it('opens the sub-location for a plate with a GLN extension', () => {
    expect(routeForScan({ ...plate, extension: 'A12' })).toEqual({
      to: 'page',
      path: '/place/6260000000019/A12',
    });
    expect(placePath('6260000000019', 'A/1')).toBe('/place/6260000000019/A%2F1');
  });

  it.each<ScanKind>([
    phishing,
    { kind: 'licence', licenceId: '1234567890' },
    { kind: 'legacy-iranman', uri: 'https://iranman.example/x', domain: 'iranman.example' },
    { kind: 'gs1-other', key: { ai: '01', value: '06260000000013' }, elements: [] },
    {
      kind: 'invalid-gs1',
      error: { code: 'bad-check-digit', message: 'رقم کنترل نادرست است' },
      text: ']Q34146260000000018',
    },
    { kind: 'text', text: 'hello' },
  ])('shows a sheet, never navigates, for $kind', (kind) => {
    expect(routeForScan(kind)).toEqual({ to: 'sheet', kind });
  });

  it('builds the licence route', () => {
    expect(licencePath('12/34')).toBe('/licence/12%2F34');
  });
});

// A product's code opens its page the way a plate opens the shop's: the text the decoder hands
// over, with its symbology identifier, goes through the real `classify()`. GS1 General
// Specifications 3.2: "(01) GTIN", "(10) Batch or lot number", "(17) Expiration date" (YYMMDD);
// GS1 Digital Link 1.x: the lot is a key qualifier in the path, the expiry a data attribute in
// the query. The page's URL carries lot and expiry under their AI numbers (src/api/paths.ts).
describe('product routing', () => {
  const route = (text: string) => routeForScan(classify(text));

  it.each([
    ['an EAN-13 (]E0)', ']E09520123456788', '/product/09520123456788'],
    ['a UPC-A, read as EAN-13 with a leading zero (]E0)', ']E00012345678905', '/product/00012345678905'],
    ['an EAN-8 (]E4)', ']E496385074', '/product/00000096385074'],
    ['bare EAN-13 digits (no symbology identifier)', '9520123456788', '/product/09520123456788'],
  ])('opens the product page for %s', (_label, text, path) => {
    expect(route(text)).toEqual({ to: 'page', path });
  });

  it('carries lot (10) and expiry (17) from a GS1 DataMatrix element string (]d2)', () => {
    // 17 has a predefined length, so no FNC1 after it; 10 is variable and last, so none either.
    expect(route(']d201095201234567881726123110L7')).toEqual({
      to: 'page',
      path: '/product/09520123456788?10=L7&17=261231',
    });
  });

  it('carries the lot ended by FNC1 (GS) in a GS1-128 element string (]C1)', () => {
    expect(route(`]C1010952012345678810AB-12${GS}17250131`)).toEqual({
      to: 'page',
      path: '/product/09520123456788?10=AB-12&17=250131',
    });
  });

  it('opens the product page for a GS1 DataBar (]e0) with a GTIN only', () => {
    expect(route(']e00109520123456788')).toEqual({ to: 'page', path: '/product/09520123456788' });
  });

  it('carries lot and expiry from a Digital Link with AI 01 (lot in the path, expiry in the query)', () => {
    expect(route(']Q1https://id.gs1.org/01/09520123456788/10/ABC%2F1?17=180426')).toEqual({
      to: 'page',
      path: '/product/09520123456788?10=ABC%2F1&17=180426',
    });
  });

  it('keeps a place a place: AI 414 in a Digital Link still opens the shop page', () => {
    expect(route(']Q1https://qr.example.ir/414/6260000000019')).toEqual({
      to: 'page',
      path: '/place/6260000000019',
    });
  });

  it('shows the invalid-code sheet, not a product page, for a GTIN with a wrong check digit', () => {
    expect(route(']E09520123456789')).toMatchObject({ to: 'sheet', kind: { kind: 'invalid-gs1' } });
  });
});

describe('opening a URL', () => {
  it.each([
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'blob:https://x/1',
    'file:///etc/passwd',
    'intent://x#Intent;end',
    'not a url',
  ])('refuses %s', (url) => expect(openableUrl(url)).toBeNull());

  it('refuses a URL that hides its host behind userinfo', () => {
    expect(openableUrl('https://bank.ir@evil.example/')).toBeNull();
  });

  it('allows plain https', () => {
    expect(openableUrl('https://paypa1-login.example.com/verify')).toBe(
      'https://paypa1-login.example.com/verify',
    );
  });
});

describe('handling a decode', () => {
  const effects = (kind: ScanKind) => {
    const calls: string[] = [];
    return {
      calls,
      fx: {
        classify: vi.fn(() => kind),
        record: vi.fn(async () => calls.push('record')),
        vibrate: vi.fn(() => calls.push('vibrate')),
        navigate: vi.fn((p: string) => calls.push(`navigate ${p}`)),
        showSheet: vi.fn(() => calls.push('sheet')),
      },
    };
  };

  it('buzzes, records, then opens the shop page for a plate', async () => {
    const { fx, calls } = effects(plate);
    await handleDecode(']Q1https://qr.example.ir/414/6260000000019', fx);
    expect(fx.classify).toHaveBeenCalledWith(']Q1https://qr.example.ir/414/6260000000019');
    expect(calls).toEqual(['vibrate', 'record', 'navigate /place/6260000000019']);
  });

  it('buzzes, records, then opens the product page with its expiry for a DataMatrix', async () => {
    const { fx, calls } = effects(classify(']d201095201234567881718042610L7'));
    await handleDecode(']d201095201234567881718042610L7', fx);
    expect(calls).toEqual(['vibrate', 'record', 'navigate /product/09520123456788?10=L7&17=180426']);
    expect(fx.showSheet).not.toHaveBeenCalled();
  });

  it("starts loading a plate's shop page while the scan is being recorded, and navigates once it is", async () => {
    const { fx, calls } = effects(plate);
    let finishRecord = () => {};
    fx.record = vi.fn(
      () =>
        new Promise<number>((resolve) => {
          finishRecord = () => resolve(calls.push('record'));
        }),
    );
    const prefetch = vi.fn((_kind: ScanKind, _recorded: Promise<unknown>) => {
      calls.push('prefetch');
    });
    const done = handleDecode(']Q1https://qr.example.ir/414/6260000000019', { ...fx, prefetch });
    await Promise.resolve();
    expect(calls).toEqual(['vibrate', 'prefetch']);
    expect(prefetch.mock.calls[0]?.[0]).toBe(plate);
    finishRecord();
    await done;
    expect(calls).toEqual(['vibrate', 'prefetch', 'record', 'navigate /place/6260000000019']);
  });

  it('prefetches nothing for a code that opens a sheet', async () => {
    const { fx } = effects(phishing);
    const prefetch = vi.fn();
    await handleDecode(']Q1https://paypa1-login.example.com/verify', { ...fx, prefetch });
    expect(prefetch).not.toHaveBeenCalled();
  });

  it('records and shows the sheet for a phishing URL without navigating', async () => {
    const { fx, calls } = effects(phishing);
    await handleDecode(']Q1https://paypa1-login.example.com/verify', fx);
    expect(calls).toEqual(['vibrate', 'record', 'sheet']);
    expect(fx.navigate).not.toHaveBeenCalled();
  });
});

describe('scan record', () => {
  it('keeps the raw text and indexes the GLN and domain', () => {
    const rec = buildScanRecord(
      ']Q1https://qr.example.ir/414/6260000000019',
      { ...plate, extension: 'A12' },
      1000,
    );
    expect(rec).toMatchObject({
      raw: ']Q1https://qr.example.ir/414/6260000000019',
      kind: 'gs1-location',
      gln: '6260000000019',
      ext: 'A12',
      at: 1000,
    });
    expect(rec.search).toBe('6260000000019 a12 qr.example.ir');
  });

  it('indexes a URL by its domain only', () => {
    expect(searchTextOf(phishing)).toBe('paypa1-login.example.com');
  });

  it('drops GS separators from the search text', () => {
    expect(searchTextOf({ kind: 'text', text: 'AB\u001dCD' })).toBe('ab cd');
  });
});

describe('typed GLN', () => {
  it('accepts Persian digits with a valid check digit', () => {
    expect(readTypedGln('۶۲۶۰۰۰۰۰۰۰۰۱۹')).toEqual({ state: 'ok', gln: '6260000000019' });
  });

  it('accepts grouped Latin digits', () => {
    expect(readTypedGln('626 0000 000019')).toEqual({ state: 'ok', gln: '6260000000019' });
  });

  it('rejects a wrong check digit', () => {
    expect(readTypedGln('6260000000018')).toMatchObject({ state: 'bad-check', expected: 9 });
  });

  it('reports partial, too long and non-digit input', () => {
    expect(readTypedGln('626')).toMatchObject({ state: 'partial' });
    expect(readTypedGln('62600000000190')).toMatchObject({ state: 'too-long' });
    expect(readTypedGln('626abc')).toMatchObject({ state: 'not-digits' });
    expect(readTypedGln('')).toEqual({ state: 'empty' });
  });
});
