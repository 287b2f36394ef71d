// Recognises the two non-GS1 codes Iranian shop fronts carry besides the GLN plate.
//
// Licence QR of the national licence portal (درگاه ملی مجوزهای کشور, mojavez.ir): an https URL on
// mojavez.ir or any subdomain. The licence id is 5 to 32 Latin letters/digits with at least one
// digit, taken from the first of these places that holds one:
//   1. a query parameter named (any case) id, licenseId, licenceId, license_id, licence_id,
//      license, licence, lid, code, no, number, trackingCode, serial;
//   2. the last path segment, e.g. https://mojavez.ir/license/1402123456 or
//      https://qr.mojavez.ir/v/AB12345.
// A mojavez.ir URL without such an id is an ordinary URL.
//
// The COVID-era "Iran-e Man" QR of the guild portal: any http(s) URL on asnaf.moi.ir or
// iranianasnaf.ir, or a subdomain of either.
//
// Hosts are compared exactly (after lower-casing, without userinfo and port), so look-alikes such
// as mojavez.ir.example.com or evil.com/mojavez.ir never match.
import { percentDecode } from './percent.ts';
import type { UriParts } from './uri-parts.ts';
import { domainOf } from './uri-parts.ts';

const LICENCE_HOSTS = ['mojavez.ir'];
const IRANMAN_HOSTS = ['asnaf.moi.ir', 'iranianasnaf.ir'];
const ID_PARAMS = new Set([
  'id',
  'licenseid',
  'licenceid',
  'license_id',
  'licence_id',
  'license',
  'licence',
  'lid',
  'code',
  'no',
  'number',
  'trackingcode',
  'serial',
]);
const LICENCE_ID = /^(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{5,32}$/;

function onHost(parts: UriParts, hosts: readonly string[]): boolean {
  const domain = domainOf(parts.host);
  return hosts.some((h) => domain === h || domain.endsWith(`.${h}`));
}

export function isIranManUrl(parts: UriParts): boolean {
  return /^https?$/i.test(parts.scheme) && onHost(parts, IRANMAN_HOSTS);
}

/** The licence id carried by a licence-portal URL, or null when `parts` is not one. */
export function licenceIdOf(parts: UriParts): string | null {
  if (parts.scheme.toLowerCase() !== 'https' || !onHost(parts, LICENCE_HOSTS)) return null;
  for (const pair of (parts.query ?? '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const name = percentDecode(pair.slice(0, eq), true)?.toLowerCase() ?? '';
    const value = percentDecode(pair.slice(eq + 1), true) ?? '';
    if (ID_PARAMS.has(name) && LICENCE_ID.test(value)) return value;
  }
  const last = parts.path.split('/').filter(Boolean).at(-1) ?? '';
  const segment = percentDecode(last, false) ?? '';
  return LICENCE_ID.test(segment) ? segment : null;
}
