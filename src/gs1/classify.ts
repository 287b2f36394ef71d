// Turns whatever text a scanner yields into a decision the app can act on. Never throws: a bad
// QR code is ordinary input.
import { hasValidCheckDigit } from './check-digit.ts';
import { parseDigitalLink } from './digital-link.ts';
import { readEanUpc } from './ean-upc.ts';
import { GS, parseElementString } from './element-string.ts';
import { isIranManUrl, licenceIdOf } from './iran-portals.ts';
import { isPrimaryKey } from './key-structure.ts';
import { carrierOf, splitSymbology } from './scan-text.ts';
import type { Gs1Element, Gs1Parse, ScanKind } from './types.ts';
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

type Parsed = Extract<Gs1Parse, { ok: true }>;

const valueFor = (elements: readonly Gs1Element[], ai: string) => elements.find((e) => e.ai === ai)?.value;

/** The product fields a shopper's screen needs, where the code carries them. */
function productFields(elements: readonly Gs1Element[]) {
  const fields: { lot?: string; serial?: string; expiry?: string; bestBefore?: string } = {};
  const lot = valueFor(elements, '10');
  const serial = valueFor(elements, '21');
  const expiry = valueFor(elements, '17');
  const bestBefore = valueFor(elements, '15');
  if (lot !== undefined) fields.lot = lot;
  if (serial !== undefined) fields.serial = serial;
  if (expiry !== undefined) fields.expiry = expiry;
  if (bestBefore !== undefined) fields.bestBefore = bestBefore;
  return fields;
}

function fromParse(parse: Parsed, symbology: string): ScanKind {
  const where = parse.uri ? { uri: parse.uri.href, domain: parse.uri.domain } : {};
  const scanned = symbology ? { symbology } : {};
  const key = parse.primaryKey;
  if (!key) return { kind: 'gs1-data', elements: parse.elements, ...scanned };
  if (key.ai === '414') {
    const extension = parse.qualifiers.find((q) => q.ai === '254')?.value;
    return {
      kind: 'gs1-location',
      gln: key.value,
      ...(extension === undefined ? {} : { extension }),
      elements: parse.elements,
      ...where,
      ...scanned,
    };
  }
  if (key.ai === '01') {
    return {
      kind: 'gs1-product',
      gtin: key.value,
      ...productFields(parse.elements),
      elements: parse.elements,
      ...where,
      ...scanned,
    };
  }
  return { kind: 'gs1-other', key, elements: parse.elements, ...where, ...scanned };
}

function decide(parse: Gs1Parse, text: string, symbology: string): ScanKind {
  return parse.ok ? fromParse(parse, symbology) : { kind: 'invalid-gs1', error: parse.error, text };
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

function classifyUrl(text: string, symbology: string): ScanKind | null {
  const view = viewUrl(text);
  if (!view) return null;
  const parts = splitUri(text);
  if (parts && (view.scheme === 'http' || view.scheme === 'https')) {
    if (isIranManUrl(parts)) return { kind: 'legacy-iranman', uri: text, domain: domainOf(parts.host) };
    const licenceId = licenceIdOf(parts);
    if (licenceId) return { kind: 'licence', licenceId, uri: text, domain: domainOf(parts.host) };
    const parse = parseDigitalLink(text);
    if (parse.ok) return fromParse(parse, symbology);
    if (parse.error.code === 'compressed-uri' || meantAsGs1(parts)) {
      return { kind: 'invalid-gs1', error: parse.error, text };
    }
  }
  return { kind: 'url', ...view };
}

/** Bare digits with no identifier: a GTIN-8, -12, -13 or -14 when the check digit verifies. */
function gtinFromBareDigits(digits: string): ScanKind | null {
  if (![8, 12, 13, 14].includes(digits.length) || !hasValidCheckDigit(digits)) return null;
  const gtin = digits.padStart(14, '0');
  return { kind: 'gs1-product', gtin, elements: [{ ai: '01', value: gtin }] };
}

function fromEanUpc(symbology: string, data: string, original: string): ScanKind {
  const read = readEanUpc(symbology, data);
  if ('code' in read) return { kind: 'invalid-gs1', error: read, text: original };
  return {
    kind: 'gs1-product',
    gtin: read.gtin,
    ...(read.addOn === undefined ? {} : { addOn: read.addOn }),
    elements: [{ ai: '01', value: read.gtin }],
    symbology,
  };
}

function classifyData(symbology: string, data: string, original: string): ScanKind {
  const carrier = carrierOf(symbology);
  if (carrier === 'element-string' && !/^https?:/i.test(data)) {
    return decide(parseElementString(`${symbology}${data}`), original, symbology);
  }
  if (carrier === 'ean-upc' || carrier === 'itf-14') return fromEanUpc(symbology, data, original);
  // An add-on alone (a periodical's issue number, a price) identifies nothing.
  if (carrier === 'add-on') return { kind: 'text', text: data };
  const url = classifyUrl(data, symbology);
  if (url) return url;
  if (/^\(\d{2,4}\)/.test(data)) return decide(parseElementString(data), original, symbology);
  if (data.includes(GS) && /^\u001d?\d{2}/.test(data)) {
    return decide(parseElementString(data), original, symbology);
  }
  const gtin = /^\d+$/.test(data) ? gtinFromBareDigits(data) : null;
  if (gtin) return gtin;
  // A raw element string without identifier or separator: only a clean parse counts, since
  // text that merely starts with digits could be anything.
  if (/^\d{16}/.test(data)) {
    const parse = parseElementString(data);
    if (parse.ok) return fromParse(parse, symbology);
  }
  return { kind: 'text', text: data };
}

/**
 * Classifies the text of a scanned code, with or without its symbology identifier: `]Q1`/`]d1`
 * plain data such as a Digital Link URI; `]Q3`, `]d2`, `]C1`, `]e0`, `]J1` GS1 element strings;
 * `]E0`/`]E3`/`]E4` EAN/UPC and `]I1` ITF-14 digits (see scan-text.ts).
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
