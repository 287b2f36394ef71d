import { describe, expect, it } from 'vitest';
import { isIranManUrl, licenceIdOf } from '../../../src/gs1/iran-portals.ts';
import { splitUri, type UriParts } from '../../../src/gs1/uri-parts.ts';

const parts = (uri: string): UriParts => {
  const split = splitUri(uri);
  if (!split) throw new Error(uri);
  return split;
};

describe('licenceIdOf', () => {
  // Not GS1: how the national licence portal's QR codes carry a licence id (DESIGN.md, licence QR).
  it('takes the licence id from a known query parameter, whatever its case', () => {
    expect(licenceIdOf(parts('https://mojavez.ir/verify?LicenseId=1402123456'))).toBe('1402123456');
    expect(licenceIdOf(parts('https://www.mojavez.ir/q?lang=fa&id=AB12345'))).toBe('AB12345');
  });

  it('takes the licence id from the last path segment otherwise', () => {
    expect(licenceIdOf(parts('https://mojavez.ir/license/1402123456/'))).toBe('1402123456');
    expect(licenceIdOf(parts('https://qr.mojavez.ir/v/AB12345?lang=fa'))).toBe('AB12345');
  });

  it('finds no id in a mojavez.ir page without one', () => {
    expect(licenceIdOf(parts('https://mojavez.ir/about'))).toBeNull();
    expect(licenceIdOf(parts('https://mojavez.ir/'))).toBeNull();
    expect(licenceIdOf(parts('https://mojavez.ir/l?id=12&flag'))).toBeNull();
    expect(licenceIdOf(parts('https://mojavez.ir/l?id=%zz'))).toBeNull();
  });

  it('accepts only https on mojavez.ir and its subdomains', () => {
    expect(licenceIdOf(parts('http://mojavez.ir/license/1402123456'))).toBeNull();
    expect(licenceIdOf(parts('https://notmojavez.ir/license/1402123456'))).toBeNull();
    expect(licenceIdOf(parts('https://mojavez.ir.example.com/license/1402123456'))).toBeNull();
    expect(licenceIdOf(parts('https://MOJAVEZ.IR./license/1402123456'))).toBe('1402123456');
  });
});

describe('isIranManUrl', () => {
  // Not GS1: the COVID-era Iran-e Man QR of the guild portal (DESIGN.md), matched by exact host.
  it('recognises asnaf.moi.ir, iranianasnaf.ir and their subdomains over http or https', () => {
    expect(isIranManUrl(parts('https://asnaf.moi.ir/x'))).toBe(true);
    expect(isIranManUrl(parts('http://qr.asnaf.moi.ir/x'))).toBe(true);
    expect(isIranManUrl(parts('https://www.iranianasnaf.ir/'))).toBe(true);
  });

  it('does not recognise other hosts of moi.ir or other schemes', () => {
    expect(isIranManUrl(parts('https://moi.ir/x'))).toBe(false);
    expect(isIranManUrl(parts('ftp://asnaf.moi.ir/x'))).toBe(false);
    expect(isIranManUrl(parts('https://asnaf.moi.ir.evil.example/x'))).toBe(false);
  });
});
