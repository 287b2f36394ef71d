import { knownPlaces, listScans } from '../../db/scans.ts';

/** The shop whose plate the shopper scanned last, from scan history; null when none. */
export async function lastScannedShop(): Promise<{ gln: string; name?: string } | null> {
  const [scans, places] = await Promise.all([listScans(), knownPlaces()]);
  const last = scans.find((s) => s.gln);
  if (!last?.gln) return null;
  return { gln: last.gln, name: last.name ?? places.get(last.gln)?.name };
}
