import { describe, expect, it, vi } from 'vitest';
import { handleDecode } from '../../../src/features/scan/handle-decode.ts';
import { licencePath, openableUrl, placePath, routeForScan } from '../../../src/features/scan/scan-route.ts';
import { readTypedGln } from '../../../src/features/scan/typed-gln.ts';
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
