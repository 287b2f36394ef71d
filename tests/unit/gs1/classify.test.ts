import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/gs1/classify.ts';
import { GS } from '../../../src/gs1/element-string.ts';

const GLN = '6260000000019';

describe('classify: the shop plate in each form', () => {
  // A plate is AI 414 as a GS1 Digital Link URI (URI Syntax 1.6, 4.4), a GS1 QR element string
  // (]Q3, General Specifications 7.8 and its symbology identifier table) or its bracketed form.
  it('recognises a 414 plate URI on any domain with a path prefix', () => {
    expect(classify(`https://plates.example.com/qr/414/${GLN}`)).toEqual({
      kind: 'gs1-location',
      gln: GLN,
      elements: [{ ai: '414', value: GLN }],
      uri: `https://plates.example.com/qr/414/${GLN}`,
      domain: 'plates.example.com',
    });
  });

  it('reports the GLN extension and every element of a plate URI', () => {
    const kind = classify(`]Q1https://qr.example.ir/414/${GLN}/254/A12?91=P1`);
    expect(kind).toMatchObject({
      kind: 'gs1-location',
      gln: GLN,
      extension: 'A12',
      domain: 'qr.example.ir',
      symbology: ']Q1',
    });
    expect(kind.kind === 'gs1-location' && kind.elements.map((e) => e.ai)).toEqual(['414', '254', '91']);
  });

  it('recognises a raw FNC1 element string with ]Q3', () => {
    expect(classify(`]Q3414${GLN}254A12`)).toEqual({
      kind: 'gs1-location',
      gln: GLN,
      extension: 'A12',
      elements: [
        { ai: '414', value: GLN },
        { ai: '254', value: 'A12' },
      ],
      symbology: ']Q3',
    });
  });

  it('recognises a raw FNC1 element string without ]Q3', () => {
    expect(classify(`414${GLN}`)).toMatchObject({ kind: 'gs1-location', gln: GLN });
    expect(classify(`${GS}414${GLN}254A12`)).toMatchObject({ kind: 'gs1-location', extension: 'A12' });
    expect(classify(`0109520123456788${GS}414${GLN}`)).toMatchObject({ kind: 'gs1-product' });
  });

  it('recognises the bracketed form', () => {
    expect(classify(`(414)${GLN}(254)A12`)).toMatchObject({
      kind: 'gs1-location',
      gln: GLN,
      extension: 'A12',
    });
  });

  it('ignores a trailing line break a keyboard-wedge scanner adds', () => {
    expect(classify(`https://qr.example.ir/414/${GLN}\r\n`)).toMatchObject({ kind: 'gs1-location' });
  });
});

describe('classify: other GS1 codes', () => {
  // Primary keys per URI Syntax 1.6, 4.4 (01 a product, 414 a place, others apart); the rule each
  // invalid-gs1 reason comes from is tested with its parser (digital-link, element-string tests).
  it('classifies a GTIN Digital Link as a product with its lot, serial and expiry', () => {
    expect(classify('https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426')).toEqual({
      kind: 'gs1-product',
      gtin: '09520123456788',
      lot: 'ABC1',
      serial: '12345',
      expiry: '180426',
      elements: [
        { ai: '01', value: '09520123456788' },
        { ai: '10', value: 'ABC1' },
        { ai: '21', value: '12345' },
        { ai: '17', value: '180426' },
      ],
      uri: 'https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426',
      domain: 'id.gs1.org',
    });
  });

  it('keeps other keys apart from products and places', () => {
    expect(classify('https://example.com/00/095201234567891235')).toMatchObject({
      kind: 'gs1-other',
      key: { ai: '00', value: '095201234567891235' },
    });
    expect(classify('https://example.com/417/6260000000019')).toMatchObject({ kind: 'gs1-other' });
  });

  it('reads a product barcode: EAN-13 digits with or without ]E0, and a GTIN in ]d2', () => {
    const gtin = { kind: 'gs1-product', gtin: '09520123456788' };
    expect(classify('9520123456788')).toMatchObject(gtin);
    expect(classify(']E09520123456788')).toMatchObject({ ...gtin, symbology: ']E0' });
    expect(classify(']d20109520123456788')).toMatchObject({ ...gtin, symbology: ']d2' });
  });

  it('reports a GS1 code that breaks a rule as invalid-gs1 with the reason', () => {
    expect(classify(`https://qr.example.ir/414/6260000000018`)).toMatchObject({
      kind: 'invalid-gs1',
      error: { code: 'bad-check-digit' },
    });
    expect(classify(`]Q3414626000000001`)).toMatchObject({
      kind: 'invalid-gs1',
      error: { code: 'bad-length' },
    });
    expect(classify(`(414)${GLN}(7240)P1`)).toMatchObject({
      kind: 'invalid-gs1',
      error: { code: 'missing-requisite', ai: '7240' },
    });
    expect(classify(`414${GLN}${GS}${GS}`)).toMatchObject({ kind: 'invalid-gs1' });
  });

  it('reports removed short names, mixed-case schemes and keys only in the query as invalid-gs1', () => {
    expect(classify(`https://id.gs1.org/gln/${GLN}`)).toMatchObject({ kind: 'invalid-gs1' });
    expect(classify(`HtTp://qr.example.ir/414/${GLN}`)).toMatchObject({
      kind: 'invalid-gs1',
      error: { code: 'bad-scheme' },
    });
    expect(classify(`https://qr.example.ir/?414=${GLN}`)).toMatchObject({
      kind: 'invalid-gs1',
      error: { code: 'no-primary-key' },
    });
  });

  it('reports a compressed Digital Link as invalid-gs1 with compressed-uri', () => {
    expect(classify('https://id.gs1.org/AQnYUc1gmg')).toMatchObject({
      kind: 'invalid-gs1',
      error: { code: 'compressed-uri' },
    });
  });
});

describe('classify: licence and Iran-e Man codes', () => {
  // Not GS1: the national licence portal (mojavez.ir) and the guild portal's Iran-e Man QR, which
  // DESIGN.md says may stand in for a plate; hosts are matched exactly (src/gs1/iran-portals.ts).
  it('recognises a licence QR of mojavez.ir with its licence id', () => {
    expect(classify('https://mojavez.ir/license/1402123456')).toEqual({
      kind: 'licence',
      licenceId: '1402123456',
      uri: 'https://mojavez.ir/license/1402123456',
      domain: 'mojavez.ir',
    });
    expect(classify('https://qr.mojavez.ir/verify?licenseId=AB12345')).toMatchObject({
      licenceId: 'AB12345',
    });
  });

  it('recognises the Iran-e Man QR of the guild portal', () => {
    expect(classify('https://asnaf.moi.ir/qr/abc')).toEqual({
      kind: 'legacy-iranman',
      uri: 'https://asnaf.moi.ir/qr/abc',
      domain: 'asnaf.moi.ir',
    });
    expect(classify('http://iranianasnaf.ir/?s=1')).toMatchObject({ kind: 'legacy-iranman' });
  });

  it('does not trust look-alike hosts', () => {
    expect(classify('https://mojavez.ir.evil.example/license/1402123456')).toMatchObject({ kind: 'url' });
    expect(classify('https://asnaf.moi.ir@evil.example/')).toMatchObject({ kind: 'url', safe: false });
  });
});

describe('classify: URLs and text', () => {
  // Not GS1: DESIGN.md's "no surprise navigation" (an unknown URL is shown with its domain, only
  // http(s) may be opened at all) and RFC 3986 3.2.1 (userinfo before `@` is not the host).
  it('shows an ordinary https link as a safe url with its domain', () => {
    expect(classify('https://www.Example.com/menu')).toEqual({
      kind: 'url',
      url: 'https://www.Example.com/menu',
      domain: 'www.example.com',
      scheme: 'https',
      safe: true,
    });
    expect(classify('https://news.example/01/2024/story')).toMatchObject({ kind: 'url', safe: true });
  });

  it('never marks a non-http(s) scheme as safe', () => {
    for (const text of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'blob:https://example.com/1',
      'vbscript:msgbox(1)',
      'intent://scan/#Intent;scheme=zxing;end',
      'ftp://example.com/a',
      'tel:+982100000000',
    ]) {
      const kind = classify(text);
      expect(kind.kind, text).toBe('url');
      expect(kind.kind === 'url' && kind.safe, text).toBe(false);
    }
  });

  it('does not mark as safe an http link hiding its host behind userinfo or carrying spaces', () => {
    expect(classify('https://bank.ir@evil.example/login')).toMatchObject({
      domain: 'evil.example',
      safe: false,
    });
    expect(classify('https://example.com/a b')).toMatchObject({ kind: 'url', safe: false });
  });

  it('treats anything else as text', () => {
    expect(classify('سلام')).toEqual({ kind: 'text', text: 'سلام' });
    expect(classify('Note: open at 9')).toEqual({ kind: 'text', text: 'Note: open at 9' });
    expect(classify('12345')).toEqual({ kind: 'text', text: '12345' });
    expect(classify('')).toEqual({ kind: 'text', text: '' });
    expect(classify(']Q1')).toEqual({ kind: 'text', text: '' });
  });

  it('never throws on input that is not a string', () => {
    expect(classify(undefined as unknown as string)).toEqual({ kind: 'text', text: '' });
  });
});
