// Turns whatever text a scanner yields into a decision the app can act on. Never throws: a bad
// QR code is ordinary input.
import { hasValidCheckDigit } from './check-digit.ts';
import { parseDigitalLink } from './digital-link.ts';
import { GS, parseElementString } from './element-string.ts';
import { isIranManUrl, licenceIdOf } from './iran-portals.ts';
import { isPrimaryKey } from './key-structure.ts';
import { isEanUpc, isGs1Carrier, splitSymbology } from './scan-text.ts';
import type { Gs1Parse, ScanKind } from './types.ts';
import { domainOf, splitUri, type UriParts } from './uri-parts.ts';
import { viewUrl } from './url-kind.ts';

// Short names such as /gln/ and /gtin/ were removed from the URI syntax in 1.3; a URI that uses
// them is meant as GS1 but is no longer conformant.
const SHORT_NAMES = new Set([
  'gtin',
  'sscc',
  'gln',
  'party',
  'gdti',
  'grai',
  'giai',
  'gsrn',
  'gsrnp',
  'cpid',
  'gcn',
]);

function fromParse(parse: Extract<Gs1Parse, { ok: true }>): ScanKind {
  const where = parse.uri ? { uri: parse.uri.href, domain: parse.uri.domain } : {};
  if (parse.primaryKey.ai === '414') {
    const extension = parse.qualifiers.find((q) => q.ai === '254')?.value;
    return {
      kind: 'gs1-location',
      gln: parse.primaryKey.value,
      ...(extension === undefined ? {} : { extension }),
      elements: parse.elements,
      ...where,
    };
  }
  return { kind: 'gs1-other', key: parse.primaryKey, elements: parse.elements, ...where };
}

function decide(parse: Gs1Parse, text: string): ScanKind {
  return parse.ok ? fromParse(parse) : { kind: 'invalid-gs1', error: parse.error, text };
}

/** A URL that failed as a Digital Link but was plainly meant as one. */
function meantAsGs1(parts: UriParts): boolean {
  const segments = parts.path.split('/');
  const keyed = segments.some((s, i) => {
    const next = segments[i + 1] ?? '';
    return (isPrimaryKey(s) || SHORT_NAMES.has(s.toLowerCase())) && /^\d{8,}$/.test(next);
  });
  const queried = (parts.query ?? '').split('&').some((pair) => {
    const [name = '', value = ''] = pair.split('=');
    return isPrimaryKey(name) && /^\d{8,}$/.test(value);
  });
  return keyed || queried;
}

function classifyUrl(text: string): ScanKind | null {
  const view = viewUrl(text);
  if (!view) return null;
  const parts = splitUri(text);
  if (parts && (view.scheme === 'http' || view.scheme === 'https')) {
    if (isIranManUrl(parts)) return { kind: 'legacy-iranman', uri: text, domain: domainOf(parts.host) };
    const licenceId = licenceIdOf(parts);
    if (licenceId) return { kind: 'licence', licenceId, uri: text, domain: domainOf(parts.host) };
    const parse = parseDigitalLink(text);
    if (parse.ok) return fromParse(parse);
    if (parse.error.code === 'compressed-uri' || meantAsGs1(parts)) {
      return { kind: 'invalid-gs1', error: parse.error, text };
    }
  }
  return { kind: 'url', ...view };
}

/** Bare EAN/UPC digits: a GTIN-8, -12, -13 or -14, written as 14 digits (GenSpecs 2.1.1.10). */
function gtinFromDigits(digits: string): ScanKind | null {
  if (![8, 12, 13, 14].includes(digits.length) || !hasValidCheckDigit(digits)) return null;
  const key = { ai: '01', value: digits.padStart(14, '0') };
  return { kind: 'gs1-other', key, elements: [key] };
}

function classifyData(symbology: string, data: string, original: string): ScanKind {
  if (isGs1Carrier(symbology) && !/^https?:/i.test(data)) {
    return decide(parseElementString(`${symbology}${data}`), original);
  }
  if (isEanUpc(symbology) && /^\d+$/.test(data)) {
    return gtinFromDigits(data) ?? { kind: 'text', text: data };
  }
  const url = classifyUrl(data);
  if (url) return url;
  if (/^\(\d{2,4}\)/.test(data)) return decide(parseElementString(data), original);
  if (data.includes(GS) && /^\u001d?\d{2}/.test(data)) return decide(parseElementString(data), original);
  const gtin = /^\d+$/.test(data) ? gtinFromDigits(data) : null;
  if (gtin) return gtin;
  // A raw element string without identifier or separator: only a clean parse counts, since
  // text that merely starts with digits could be anything.
  if (/^\d{16}/.test(data)) {
    const parse = parseElementString(data);
    if (parse.ok) return fromParse(parse);
  }
  return { kind: 'text', text: data };
}

/**
 * Classifies the text of a scanned code, with or without its symbology identifier
 * (`]Q1` plain data such as a Digital Link URI; `]Q3`, `]d2`, `]C1` GS1 element strings).
 */
export function classify(text: string): ScanKind {
  if (typeof text !== 'string') return { kind: 'text', text: '' };
  try {
    const { symbology, data } = splitSymbology(text);
    return classifyData(symbology, data, text);
  } catch {
    // Unreachable by design; kept so that a scan can never take the page down.
    return { kind: 'text', text };
  }
}
