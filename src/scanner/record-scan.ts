import { storageFull } from '../app/storage-alert.ts';
import type { ScanRecord } from '../db/database.ts';
import { isQuotaError } from '../db/persistence.ts';
import { addScan, openScans } from '../db/scans.ts';
import type { ScanKind } from '../gs1/types.ts';

// Every decode lands in history. The record is built by a pure function (tested in Node); the
// write tolerates failure because a full or blocked IndexedDB must never stop the shopper from
// reaching the shop page.

/** What history search matches: identifiers and domains, lower case, one space apart. */
export function searchTextOf(kind: ScanKind): string {
  const parts: (string | undefined)[] = [];
  switch (kind.kind) {
    case 'gs1-location':
      parts.push(kind.gln, kind.extension, kind.domain);
      break;
    case 'gs1-product':
      parts.push(kind.gtin, kind.lot, kind.domain);
      break;
    case 'gs1-other':
      parts.push(kind.key.value, kind.domain);
      break;
    case 'gs1-data':
      parts.push(...kind.elements.map((e) => e.value));
      break;
    case 'licence':
      parts.push(kind.licenceId, kind.domain);
      break;
    case 'legacy-iranman':
    case 'url':
      parts.push(kind.domain);
      break;
    case 'text':
      parts.push(kind.text);
      break;
    case 'invalid-gs1':
      parts.push(kind.text);
      break;
  }
  return parts
    .filter((p): p is string => Boolean(p))
    .join(' ')
    .replace(/[\u0000-\u001f]+/g, ' ')
    .toLowerCase()
    .trim()
    .slice(0, 500);
}

export function buildScanRecord(raw: string, kind: ScanKind, at: number): ScanRecord {
  const record: ScanRecord = { raw, kind: kind.kind, classification: kind, at, search: searchTextOf(kind) };
  if (kind.kind === 'gs1-location') {
    record.gln = kind.gln;
    if (kind.extension) record.ext = kind.extension;
  }
  return record;
}

export async function recordScan(raw: string, kind: ScanKind, at = Date.now()): Promise<number | undefined> {
  try {
    return await addScan(buildScanRecord(raw, kind, at));
  } catch (error) {
    if (isQuotaError(error)) storageFull.value = true;
    return undefined;
  }
}

/**
 * Opens the history's database while the camera starts, so the first decode does not wait for it:
 * on a first visit opening creates every table, which takes longer than the write itself.
 */
export function openHistory(): void {
  void openScans();
}
