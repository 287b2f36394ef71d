import type {
  EnforcementStage,
  Geo,
  LicenceRecord,
  LocationRecord,
  NearbyItem,
  Note,
  Substatus,
} from '../../api/index.ts';
import type { RoutingDirectory } from '../routing/route-complaint.ts';
import type { SeedData } from '../seed/types.ts';

// The one interface handlers use for persistence. Queries are written once as `StoreQueries`
// (plain return types); handlers see them as `Store`, where each answer is a promise, because
// PostgreSQL answers over a socket. SQLite keeps its synchronous queries and wraps them.

export type AgencyKind = 'union' | 'chamber' | 'external';
export type Agency = {
  id: string;
  kind: AgencyKind;
  name: string;
  phone: string;
  address: string;
  guildCode: string | null;
  county: string | null;
};

/** What routing and the intake need to know about the shop a complaint names. */
export type LocationSummary = {
  gln: string;
  name: string;
  guildCode: string;
  county: string;
  address: string;
};

export type AttributeValue = string | number | string[];
export type Contact = { email?: string; phone?: string; first_name?: string; last_name?: string };

export type StoredRequest = {
  id: string;
  tokenHash: string;
  serviceCode: string;
  gln: string | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
  description: string | null;
  /** Open311's one photo: the first of `mediaUrls`, or null. */
  mediaUrl: string | null;
  /** Every photo, as paths under /api/v1/media/. */
  mediaUrls: string[];
  attributes: Record<string, AttributeValue>;
  contact: Contact | null;
  /** sha256 of the filing device's id (Open311 `device_id`); never shown to anyone. */
  deviceHash: string | null;
  agencyId: string;
  substatus: Substatus;
  escalated: boolean;
  enforcementStage: EnforcementStage;
  serviceNotice: string;
  requestedAt: string;
  updatedAt: string;
  expectedAt: string;
  supporters: number;
};

export type RequestPatch = Pick<
  StoredRequest,
  'substatus' | 'escalated' | 'enforcementStage' | 'updatedAt' | 'expectedAt'
>;

/**
 * A place-level "me too": the complaint it landed on and whether this call added the support;
 * `own` when the only open one was filed from the same device; `none` when none is open.
 */
export type PlaceSupport =
  | { kind: 'backed'; request: StoredRequest; added: boolean }
  | { kind: 'own' }
  | { kind: 'none' };

/** The supporting device: its id (counted once per complaint) and the id's hash (to spot its own). */
export type IdempotentAnswer = { bodyHash: string; status: number; response: string };

export interface StoreQueries {
  isSeeded(): boolean;
  seed(data: SeedData): void;

  location(gln: string): LocationRecord | undefined;
  locationSummary(gln: string): LocationSummary | undefined;
  licence(id: string): LicenceRecord | undefined;
  nearby(at: Geo, radiusM: number, limit: number): { items: NearbyItem[]; truncated: boolean };
  guilds(): { code: string; name: string }[];
  routingDirectory(): RoutingDirectory;
  agency(id: string): Agency | undefined;
  agencyByTokenHash(hash: string): Agency | undefined;

  insertRequest(req: StoredRequest, notes: Note[]): void;
  request(id: string): StoredRequest | undefined;
  notes(id: string): Note[];
  updateRequest(id: string, patch: RequestPatch, notes: Note[]): void;
  queue(agencyId: string): StoredRequest[];
  openCountsByCategory(gln: string): { serviceCode: string; count: number }[];
  /**
   * Returns the supporter count after adding, or the unchanged count if this device already did.
   * Devices are known only by the SHA-256 of their install id, here and in `supportOpenAt`.
   */
  addSupport(id: string, deviceHash: string): number;
  /**
   * Supports the oldest open complaint of this category at this GLN that this device did not
   * file, or returns the one this device already supports.
   */
  supportOpenAt(gln: string, serviceCode: string, deviceHash: string): PlaceSupport;
  idempotent(key: string): IdempotentAnswer | undefined;
  saveIdempotent(key: string, answer: IdempotentAnswer, at: string): void;
}

/** `T`'s methods, each answering with a promise of what it returned. */
export type Async<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
};

export interface Store extends Async<StoreQueries> {
  /**
   * Runs `fn` as one transaction. Every call on this store made from inside `fn` (however deep,
   * across awaits) joins it; calls from elsewhere do not see its writes before it commits.
   * `idempotent(key)` inside a transaction holds that key until the end, so two instances racing
   * on one Idempotency-Key take turns.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
