import { db, type ScanRecord } from './database.ts';

// Scan history. Reads tolerate a broken or blocked IndexedDB (private mode, full disk): history
// shows empty rather than taking the page down.

export async function listScans(): Promise<ScanRecord[]> {
  try {
    return await db().scans.orderBy('at').reverse().toArray();
  } catch {
    return [];
  }
}

/**
 * Opens the database before the first decode needs it (a first visit creates every table, which
 * takes longer than a write); a failure is left to the write to report.
 */
export async function openScans(): Promise<void> {
  await db()
    .open()
    .then(
      () => undefined,
      () => undefined,
    );
}

/** Adds one decode to history; returns its id. Throws when storage is full (the caller says so). */
export async function addScan(record: ScanRecord): Promise<number | undefined> {
  return db().scans.add(record);
}

export async function deleteScan(id: number): Promise<void> {
  await db().scans.delete(id);
}

export async function clearScans(): Promise<void> {
  await db().scans.clear();
}

/** GLN -> { name, union } from the cached shop records, to name and search scans without a network. */
export async function knownPlaces(): Promise<Map<string, { name?: string; union?: string }>> {
  const out = new Map<string, { name?: string; union?: string }>();
  try {
    await db().places.each((p) => {
      const rec = p.record as { gln?: string; name?: string; union?: { name?: string } } | undefined;
      if (rec?.gln) out.set(rec.gln, { name: rec.name, union: rec.union?.name });
    });
  } catch {
    // No cache: scans are listed by their identifiers alone.
  }
  return out;
}
