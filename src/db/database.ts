import Dexie, { type EntityTable } from 'dexie';
import type { ScanKind } from '../gs1/types.ts';

// The one Dexie schema of the app. Repositories beside this file (scans.ts, places.ts, ...) are
// the only code that touches these tables; pages go through them.

export type ScanRecord = {
  id?: number;
  /** The decoded text exactly as the scanner gave it (symbology prefix and GS separators kept). */
  raw: string;
  kind: ScanKind['kind'];
  classification: ScanKind;
  gln?: string;
  ext?: string;
  /** Epoch ms. */
  at: number;
  /** The shop's name once its record is known. */
  name?: string;
  /** Normalised text that history search matches against (name, GLN, union). */
  search: string;
};

export type PlaceRecord = {
  /** `gln` or `gln/ext`. */
  key: string;
  /** The location record as the service returned it (wire type from src/api); null when only a linkset is known. */
  record: unknown;
  etag?: string;
  fetchedAt: number;
  /**
   * The GS1 linkset the resolver answered for this key, and when. Not indexed, so no schema
   * version: Dexie keeps whatever a row carries, and rows from before simply lack it.
   */
  linkset?: unknown;
  linksetFetchedAt?: number;
};

export type ProductCacheRecord = {
  /** GTIN-14. */
  gtin: string;
  /** The product record as the service returned it (wire type from src/api). */
  record: unknown;
  etag?: string;
  fetchedAt: number;
};

export type ComplaintRecord = {
  /** Local id, also the Idempotency-Key of its submission. */
  id: string;
  serverId?: string;
  token?: string;
  gln?: string;
  serviceCode: string;
  status: string;
  createdAt: number;
  updatedAt: number;
  unread: number;
  data: unknown;
};

export type OutboxEntry = {
  /** The Idempotency-Key; also the local complaint id for a new complaint. */
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
  /** The last failure in the service's own words (kept for the record; the app shows `lastFailure`). */
  lastError?: string;
  /** Why the last attempt failed (`FailureKind` of src/api/failure.ts). */
  lastFailure?: string;
  /** The last try was made while the browser said it was offline (it did not count as an attempt). */
  waitsForNetwork?: boolean;
  /** The service asked not to be called before this (Retry-After); waking the outbox respects it. */
  notBefore?: number;
};

export type NearbyCacheRecord = {
  /** One row: `last`, the shopper's last "near me" answer. */
  key: string;
  /** The nearby answer as the service returned it (wire type from src/api). */
  result: unknown;
  fetchedAt: number;
};

export class KalaDb extends Dexie {
  scans!: EntityTable<ScanRecord, 'id'>;
  places!: EntityTable<PlaceRecord, 'key'>;
  complaints!: EntityTable<ComplaintRecord, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'id'>;
  products!: EntityTable<ProductCacheRecord, 'gtin'>;
  nearby!: EntityTable<NearbyCacheRecord, 'key'>;

  constructor(name = 'kala-be-fi') {
    super(name);
    this.version(1).stores({
      scans: '++id, at, gln, kind',
      places: 'key, fetchedAt',
      complaints: 'id, serverId, gln, updatedAt, status',
      outbox: 'id, nextAttemptAt',
    });
    // Products scanned or opened, for their page offline and for naming scans in history.
    this.version(2).stores({ products: 'gtin, fetchedAt' });
    // The last "near me" answer, for the list offline.
    this.version(3).stores({ nearby: 'key' });
  }
}

let instance: KalaDb | undefined;

/** The app's database, opened on first use (tests may replace it with `useDb`). */
export function db(): KalaDb {
  instance ??= new KalaDb();
  return instance;
}

export function useDb(next: KalaDb): void {
  instance = next;
}
