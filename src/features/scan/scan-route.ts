import { paths, placePath } from '../../api/paths.ts';
import type { ScanKind } from '../../gs1/types.ts';

// Where a decode takes the shopper. Only a location plate navigates by itself; everything else is
// shown on a sheet whose actions need a tap. Pure, so every kind's branch is tested in Node.

export type ScanRoute = { to: 'page'; path: string } | { to: 'sheet'; kind: ScanKind };

export { placePath };

export function routeForScan(kind: ScanKind): ScanRoute {
  if (kind.kind === 'gs1-location') return { to: 'page', path: placePath(kind.gln, kind.extension) };
  return { to: 'sheet', kind };
}

export const licencePath = paths.licence;

export const MISSING_PLATE_PATH = paths.missingPlate();

/**
 * Whether a URL may be opened after the shopper's second tap. `classify` already judged it; this
 * is the last gate before `window.open`, so it re-checks the scheme itself: only http and https,
 * never javascript:, data:, blob:, file:, intent: and the like.
 */
export function openableUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    if (parsed.username || parsed.password) return null; // https://bank.ir@evil.example hides the real host
    return parsed.href;
  } catch {
    return null;
  }
}
