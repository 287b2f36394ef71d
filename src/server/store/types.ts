import type {
  EnforcementStage,
  Geo,
  LicenceRecord,
  LocationRecord,
  Note,
  Substatus,
} from '../../api/index.ts';
import type { RoutingDirectory } from '../routing/route-complaint.ts';
import type { SeedData } from '../seed/types.ts';
import type { ApiKeyQueries } from './api-key-types.ts';
import type { DeskQueries } from './desk-types.ts';
import type { FieldQueries } from './field-types.ts';
import type { OpsQueries } from './ops-types.ts';
import type { OutcomeQueries } from './outcomes-types.ts';
import type { PushQueries } from './push-types.ts';
import type { NearbyPlace } from './registry-rows.ts';
import type { StaffQueries } from './staff-types.ts';
import type { TrustQueries } from './trust-types.ts';

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
  /** The reporter agreed to show the description and photos to anyone (default: not). */
  published: boolean;
  /** Null: in the desk's queue. Otherwise the group it waits in for triage (e.g. `install:…`). */
  triage: string | null;
  spam: boolean;
};

/** Where a page of the queue ends: the last row's sort key. */
export type QueueCursor = { escalated: number; expectedAt: string; id: string; triage?: string };
export type QueueQuery = {
  view: 'queue' | 'triage' | 'spam';
  status?: 'open' | 'closed';
  after?: QueueCursor;
  limit: number;
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

/** Open311 GET requests: every filter optional; dates compare against `requestedAt`. */
export type RequestQuery = {
  ids?: string[];
  serviceCodes?: string[];
  /** Substatuses to keep (the caller maps Open311's open/closed onto them). */
  substatuses?: string[];
  start?: string;
  end?: string;
  limit: number;
};

/** One timeline entry with the ids a feed of updates needs. */
export type StoredUpdate = Note & { id: number; requestId: string };

/** Where an address typed as text lands in the registry. */
export type AddressMatch =
  | { kind: 'shop'; shop: LocationSummary }
  | { kind: 'county'; county: string; city: string }
  | { kind: 'none' };

/** The supporting device: its id (counted once per complaint) and the id's hash (to spot its own). */
export type IdempotentAnswer = { bodyHash: string; status: number; response: string };

export interface StoreQueries
  extends StaffQueries,
    OpsQueries,
    DeskQueries,
    FieldQueries,
    PushQueries,
    ApiKeyQueries,
    OutcomeQueries,
    TrustQueries {
  isSeeded(): boolean;
  /** False when the registry was already there (another instance seeded it first). */
  seed(data: SeedData): boolean;

  location(gln: string): LocationRecord | undefined;
  locationSummary(gln: string): LocationSummary | undefined;
  licence(id: string): LicenceRecord | undefined;
  nearby(at: Geo, radiusM: number, limit: number): { items: NearbyPlace[]; truncated: boolean };
  guilds(): { code: string; name: string }[];
  routingDirectory(): RoutingDirectory;
  agency(id: string): Agency | undefined;
  /** Unions and chambers: the bodies with a clerk's desk (and so API keys). */
  deskAgencies(): Agency[];

  insertRequest(req: StoredRequest, notes: Note[]): void;
  request(id: string): StoredRequest | undefined;
  notes(id: string): Note[];
  updateRequest(id: string, patch: RequestPatch, notes: Note[]): void;
  queuePage(agencyId: string, q: QueueQuery): { items: StoredRequest[]; next: QueueCursor | undefined };
  /** A clerk's triage decision: spam leaves every count; genuine joins the queue. */
  setTriage(id: string, decision: 'spam' | 'genuine'): void;
  /** Counts one more use of a daily quota and returns the count; 0 (nothing counted) when `limit` is reached. */
  takeQuota(key: string, day: string, limit: number): number;
  triageCount(agencyId: string): number;
  /** Counts a use regardless of any limit and returns the new count. */
  bumpCount(key: string, day: string): number;
  addStrike(key: string, at: string): void;
  strikes(key: string): number;
  /** Drops quota rows of days before `day`. */
  pruneQuotas(day: string): void;
  /** Every media path a complaint refers to. */
  referencedMedia(): Set<string>;
  openCountsByCategory(gln: string): { serviceCode: string; count: number }[];
  /**
   * Returns the supporter count after adding, or the unchanged count if this device already did.
   * Devices are known only by the SHA-256 of their install id, here and in `supportOpenAt`.
   */
  addSupport(id: string, deviceHash: string): number;
  hasSupported(id: string, deviceHash: string): boolean;
  /**
   * Supports the oldest open complaint of this category at this GLN that this device did not
   * file, or returns the one this device already supports.
   */
  supportOpenAt(gln: string, serviceCode: string, deviceHash: string): PlaceSupport;
  /** Newest first, at most `limit`. */
  listRequests(q: RequestQuery): StoredRequest[];
  /** Timeline entries of the given types written in [start, end], oldest first, at most `limit`. */
  updatesBetween(start: string, end: string, types: Note['type'][], limit: number): StoredUpdate[];
  /** The id of the newest timeline entry of a complaint. */
  lastUpdateId(requestId: string): number | undefined;
  /**
   * Geocoding within the registry: the registered shop whose city, street and plate the text
   * names, else the county of the city it names, else nothing.
   */
  matchAddress(text: string): AddressMatch;
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
  /**
   * Runs `f` once what was just written is committed: right after the transaction this call is
   * part of commits (never, if it rolls back), or at once outside one. `f` must return at once
   * and never throw: it hands work on (reply notifications), it does not do it.
   */
  afterCommit(f: () => void): void;
  close(): Promise<void>;
}
