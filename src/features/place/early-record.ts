import { api, resolverApi } from '../../api/app-client.ts';
import type { LocationResult } from '../../api/client.ts';
import { checkGln } from '../../api/gln.ts';
import { ROUTES } from '../../api/paths.ts';
import { warmFormats } from '../../i18n/format.ts';

// Every plate opens /place/{gln}, usually on a cold start. The shell asks for the record as it
// starts, so the request travels while the page's chunk downloads instead of after it (and after
// IndexedDB has opened). The page takes the answer once; a retry or a later visit asks afresh.

type Early = { gln: string; ext: string | undefined; result: Promise<LocationResult> };
let early: Early | undefined;
let shown: Promise<void> = Promise.resolve();
let markShown: (() => void) | undefined;

// If the page never says it has shown the answer (the shopper left it at once), what waits for
// it goes ahead this long after the answer came.
const SHOWN_AT_LATEST_MS = 3000;

const PLACE_SEGMENT = ROUTES.place.split('/')[1];

/** Called by the shell with the address it was opened at; does nothing unless it is a shop page. */
export function askEarlyForPlace(pathname: string): void {
  const [, first, gln = '', rawExt, ...rest] = pathname.split('/');
  if (first !== PLACE_SEGMENT || rest.length > 0) return;
  // Only a GLN as the wire takes it: a typed or misread one is the page's to check and explain.
  if (!checkGln(gln).ok) return;
  // Another resolver is asked first (load-linkset.ts), not the record API.
  if (resolverApi()) return;
  let ext: string | undefined;
  try {
    ext = rawExt ? decodeURIComponent(rawExt) : undefined;
  } catch {
    return;
  }
  const result = api().getLocation(gln, ext, { fresh: true });
  early = { gln, ext, result };
  shown = new Promise<void>((resolve) => {
    markShown = resolve;
    const late = () => setTimeout(resolve, SHOWN_AT_LATEST_MS);
    result.then(late, late);
  });
  // The page's first render formats numbers and Jalali dates; the first formatters are costly
  // (format.ts, warmFormats). Once the shell has painted, the main thread only waits for the
  // record and the page's chunks: build them then, one task each.
  afterNextFrame(() => {
    warmFormats('numbers');
    setTimeout(() => warmFormats('dates'));
  });
}

/**
 * Settles once the shop page has painted what the early request brought (at once if there was
 * none). What is not needed for that paint waits for it: the shell's background work and the
 * record's offline copy (IndexedDB, about 30 KB of Dexie) would otherwise share the weak
 * connection and the main thread with the page's own chunks and first render.
 */
export function earlyRecordShown(): Promise<void> {
  return shown;
}

/**
 * Called by the shop page after it has painted its first answer (the record or a failure). What
 * waits for it goes one frame later still: a frame's pixels reach the screen after its paint.
 */
export function recordShown(): void {
  const mark = markShown;
  markShown = undefined;
  if (mark) afterNextFrame(mark);
}

function afterNextFrame(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run));
  else setTimeout(run);
}

/** The early answer for this record, if the shell asked for exactly it; given out once. */
export function takeEarlyRecord(gln: string, ext: string | undefined): Promise<LocationResult> | undefined {
  const hit = early;
  early = undefined;
  return hit && hit.gln === gln && hit.ext === ext ? hit.result : undefined;
}
