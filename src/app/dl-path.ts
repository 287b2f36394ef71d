import { placePath } from '../api/paths.ts';

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
