import { placePath, productPath } from '../api/paths.ts';
import { productOfDigitalLink } from '../api/product-code.ts';

// Maps a GS1 Digital Link path for a location (`[/prefix]/414/{gln}[/254/{ext}]`) to the app's
// shop page. Only the shape is checked here; the shop page validates the GLN and says what is wrong.
const DL_PATH = /^(?:\/[^/]+)*?\/414\/([0-9]{13})(?:\/254\/([^/]+))?\/?$/;

export function digitalLinkToPlacePath(pathname: string): string | null {
  const m = DL_PATH.exec(pathname);
  if (!m) return null;
  const [, gln = '', ext] = m;
  // The extension arrives percent-encoded in the Digital Link path; placePath encodes it once.
  return placePath(gln, ext === undefined ? undefined : decodeSegment(ext));
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * A product's Digital Link (`[/prefix]/01/{gtin}[/10/{lot}]…[?17=YYMMDD]`) as the app's product
 * page, with the lot and expiry in its query; null when the path is not a valid one.
 */
export function digitalLinkToProductPath(pathname: string, search = ''): string | null {
  const p = productOfDigitalLink(pathname, search);
  return p ? productPath(p.gtin, p) : null;
}

/** Either kind of Digital Link as an app page (query kept for a plate), or null. */
export function digitalLinkToAppPath(pathname: string, search = ''): string | null {
  const place = digitalLinkToPlacePath(pathname);
  if (place) return place + search;
  return digitalLinkToProductPath(pathname, search);
}
