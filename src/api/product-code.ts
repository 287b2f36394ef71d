import { gs1CheckDigit, hasValidCheckDigit, normaliseTypedGln, parseDigitalLink } from '../gs1/index.ts';
import type { ScanKind } from '../gs1/types.ts';

// The one place where product code (GTIN, AI 01) meets the GS1 core, for the server and the app
// alike. Everything product-related asks here, so when `classify()` learns products this file is
// the only one that changes.

export type GtinCheck =
  | { ok: true; gtin: string }
  | { ok: false; reason: 'shape'; gtin: string }
  | { ok: false; reason: 'check-digit'; gtin: string; expected: number; actual: number };

/**
 * A GTIN as typed, printed or found in a URL (GTIN-8, -12, -13 or -14, Persian digits allowed),
 * as its 14-digit form. GS1 General Specifications 3.2: "(01) GTIN N2+N14"; shorter GTINs are
 * right-justified with leading zeros in a 14-digit field, and the check digit (7.9.1) is the
 * last digit of each.
 */
export function checkGtin(raw: string): GtinCheck {
  const digits = normaliseTypedGln(raw);
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(digits)) return { ok: false, reason: 'shape', gtin: raw };
  const gtin = digits.padStart(14, '0');
  if (hasValidCheckDigit(gtin)) return { ok: true, gtin };
  return {
    ok: false,
    reason: 'check-digit',
    gtin: digits,
    expected: gs1CheckDigit(digits.slice(0, -1)),
    actual: Number(digits.at(-1)),
  };
}

/** The GTIN without the zeros that pad it to 14 digits: what the barcode on the pack shows. */
export function displayGtin(gtin14: string): string {
  if (gtin14.startsWith('000000')) return gtin14.slice(6); // GTIN-8
  if (gtin14.startsWith('00')) return gtin14.slice(2); // GTIN-12 (UPC-A)
  if (gtin14.startsWith('0')) return gtin14.slice(1); // GTIN-13
  return gtin14;
}

/** What a product code carried besides its GTIN: batch/lot (AI 10) and expiry (AI 17, YYMMDD). */
export type ProductScan = { gtin: string; lot?: string; expiry?: string };

/**
 * The product in a classified scan, or null. Today `classify()` calls a GTIN `gs1-other` with
 * key AI 01; a dedicated product kind with `gtin`, `lot` and `expiry` fields is read as well.
 */
export function productOfScan(kind: ScanKind): ProductScan | null {
  const k = kind as ScanKind & { gtin?: string; lot?: string; expiry?: string };
  if (typeof k.gtin === 'string') return { gtin: k.gtin.padStart(14, '0'), lot: k.lot, expiry: k.expiry };
  if (kind.kind !== 'gs1-other' || kind.key.ai !== '01') return null;
  const value = (ai: string) => kind.elements.find((e) => e.ai === ai)?.value;
  return { gtin: kind.key.value, lot: value('10'), expiry: value('17') };
}

/**
 * A product Digital Link path (`[/prefix]/01/{gtin}[/22/…][/10/{lot}][/21/…]`) with its query,
 * checked by the GS1 core's Digital Link parser, as a product scan; null for anything else.
 */
export function productOfDigitalLink(pathname: string, search = ''): ProductScan | null {
  if (!/\/01\/[^/]+/.test(pathname)) return null;
  const parsed = parseDigitalLink(`https://product.invalid${pathname}${search}`);
  if (!parsed.ok || parsed.primaryKey?.ai !== '01') return null;
  const value = (ai: string) => parsed.elements.find((e) => e.ai === ai)?.value;
  return { gtin: parsed.primaryKey.value, lot: value('10'), expiry: value('17') };
}

/**
 * An AI 17 date, YYMMDD, as the last day it is good (UTC midnight of that day); null when not a
 * date. General Specifications 7.12: the century is chosen so the year falls from 49 years before
 * to 50 years after the current year ("if the difference ... is 51 to 99, the previous century;
 * -50 to -99, the next century"), and "If only year and month are available, DD must be filled
 * with two zeroes" meaning the last day of that month.
 */
export function expiryDate(yymmdd: string, now: Date = new Date()): Date | null {
  const m = /^(\d\d)(\d\d)(\d\d)$/.exec(yymmdd);
  if (!m) return null;
  const yy = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return null;
  const current = now.getUTCFullYear();
  const century = Math.floor(current / 100) * 100;
  const diff = yy - (current % 100);
  const year = diff >= 51 ? century - 100 + yy : diff <= -50 ? century + 100 + yy : century + yy;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > lastDay) return null;
  return new Date(Date.UTC(year, month - 1, day === 0 ? lastDay : day));
}

/** True when the product's AI 17 date is before today (an item is good through its expiry day). */
export function isExpired(yymmdd: string, now: Date = new Date()): boolean {
  const d = expiryDate(yymmdd, now);
  if (!d) return false;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return d.getTime() < today;
}
