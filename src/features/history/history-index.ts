import type { ScanRecord } from '../../db/database.ts';
import { matchesTokens, queryTokens, searchHaystack } from '../../i18n/persian-text.ts';

export type HistoryEntry = {
  scan: ScanRecord;
  name?: string;
  union?: string;
  /** Folded text the search runs over; built once per load, not per keystroke. */
  hay: string;
};

export function buildHistoryIndex(
  scans: ScanRecord[],
  places: Map<string, { name?: string; union?: string }>,
): HistoryEntry[] {
  return scans.map((scan) => {
    const place = scan.gln ? places.get(scan.gln) : undefined;
    const name = scan.name ?? place?.name;
    const union = place?.union;
    return { scan, name, union, hay: searchHaystack(name, union, scan.gln, scan.ext, scan.search) };
  });
}

/** Entries whose name, GLN, union or identifiers contain every word of the query; order is kept. */
export function searchHistory(entries: HistoryEntry[], query: string): HistoryEntry[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return entries;
  return entries.filter((e) => matchesTokens(e.hay, tokens));
}
