// The GTIN in what an EAN/UPC or ITF-14 reader transmits. ISO/IEC 15420 and the General
// Specifications (section 5, EAN/UPC and ITF-14 symbology) have EAN-13, UPC-A and UPC-E sent as 13
// digits after ]E0 and EAN-8 as 8 digits after ]E4 (GS1 Syntax Engine tests: `]E02112345678900`,
// `]E402345673`); readers commonly also send UPC-A as its 12 digits and UPC-E as its 8 compressed
// digits, so those are read too. In GS1 data a GTIN is always 14 digits, right-justified and
// zero-filled.
import { hasValidCheckDigit } from './check-digit.ts';
import { gs1Error } from './messages.ts';
import type { Gs1Error } from './types.ts';

export type EanUpcRead = { gtin: string; addOn?: string };

/**
 * UPC-E (8 digits: number system 0 or 1, six data digits, check digit) written out as the UPC-A
 * it suppresses zeros from (General Specifications, UPC-E zero suppression); null when the number
 * system is not 0 or 1.
 */
export function expandUpcE(upcE: string): string | null {
  if (!/^[01]\d{7}$/.test(upcE)) return null;
  const [ns, d1, d2, d3, d4, d5, d6, check] = [...upcE];
  let body: string;
  if (d6 === '0' || d6 === '1' || d6 === '2') body = `${d1}${d2}${d6}0000${d3}${d4}${d5}`;
  else if (d6 === '3') body = `${d1}${d2}${d3}00000${d4}${d5}`;
  else if (d6 === '4') body = `${d1}${d2}${d3}${d4}00000${d5}`;
  else body = `${d1}${d2}${d3}${d4}${d5}0000${d6}`;
  return `${ns}${body}${check}`;
}

function gtinFromDigits(digits: string, upcEAllowed: boolean): string | Gs1Error {
  if (!/^\d*$/.test(digits)) return gs1Error('bad-character', '01');
  let full = digits;
  if (digits.length === 8 && upcEAllowed) {
    const upcA = expandUpcE(digits);
    if (!upcA) return gs1Error('bad-value', '01');
    full = upcA;
  } else if (![8, 12, 13, 14].includes(digits.length)) {
    return gs1Error('bad-length', '01');
  }
  if (!hasValidCheckDigit(full)) return gs1Error('bad-check-digit', '01');
  return full.padStart(14, '0');
}

/**
 * The GTIN carried by an EAN/UPC (`]E0`, `]E3`, `]E4`) or ITF-14 (`]I1`) reading. An add-on
 * (`]E3`: two or five digits after the main symbol, some readers put a space between) is returned
 * beside it; it is not part of the GTIN.
 */
export function readEanUpc(symbology: string, data: string): EanUpcRead | Gs1Error {
  if (symbology === ']I1') {
    const gtin = data.length === 14 ? gtinFromDigits(data, false) : gs1Error('bad-length', '01');
    return typeof gtin === 'string' ? { gtin } : gtin;
  }
  if (symbology === ']E4') {
    const gtin = data.length === 8 ? gtinFromDigits(data, false) : gs1Error('bad-length', '01');
    return typeof gtin === 'string' ? { gtin } : gtin;
  }
  let main = data;
  let addOn: string | undefined;
  if (symbology === ']E3') {
    const match = /^(\d{8}|\d{12,13}) ?(\d{2}|\d{5})$/.exec(data);
    if (!match) return gs1Error('bad-length', '01');
    main = match[1] ?? '';
    addOn = match[2];
  }
  if (main.length === 14) return gs1Error('bad-length', '01');
  const gtin = gtinFromDigits(main, true);
  if (typeof gtin !== 'string') return gtin;
  return addOn === undefined ? { gtin } : { gtin, addOn };
}
