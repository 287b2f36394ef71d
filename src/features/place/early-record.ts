import { api, resolverApi } from '../../api/app-client.ts';
import type { LocationResult } from '../../api/client.ts';
import { checkGln } from '../../api/gln.ts';
import { ROUTES } from '../../api/paths.ts';

// Every plate opens /place/{gln}, usually on a cold start. The shell asks for the record as it
// starts, so the request travels while the page's chunk downloads instead of after it (and after
// IndexedDB has opened). The page takes the answer once; a retry or a later visit asks afresh.

type Early = { gln: string; ext: string | undefined; result: Promise<LocationResult> };
let early: Early | undefined;
let settled: Promise<unknown> = Promise.resolve();

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
  early = { gln, ext, result: api().getLocation(gln, ext, { fresh: true }) };
  settled = early.result;
}

/** Settles when the early request has its answer (at once if there was none): the shell's own
 * background work waits for it rather than compete with it for a weak connection. */
export function earlyRecordSettled(): Promise<unknown> {
  return settled;
}

/** The early answer for this record, if the shell asked for exactly it; given out once. */
export function takeEarlyRecord(gln: string, ext: string | undefined): Promise<LocationResult> | undefined {
  const hit = early;
  early = undefined;
  return hit && hit.gln === gln && hit.ext === ext ? hit.result : undefined;
}
