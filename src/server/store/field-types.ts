import type { EnforcementStage, StaffRole, VisitOutcome } from '../../api/index.ts';
import type { StoredRequest } from './types.ts';

// Field work's part of the store: enforcement stages against a shop, the Art. 72 overdue
// escalation, the county chamber's queue, visits and on-site verifications.

export type EnforcementRow = {
  gln: string;
  seq: number;
  stage: EnforcementStage;
  at: string;
  until: string | null;
  requestId: string;
  staffId: string;
  staffName: string;
  staffRole: StaffRole;
};

export type VisitRow = {
  id: string;
  requestId: string;
  outcome: VisitOutcome;
  at: string;
  mediaUrl: string;
  staffId: string;
  staffName: string;
};

/** The fix behind a level-4 verification and what the agent checked. */
export type VerificationFix = {
  lat: number;
  lng: number;
  accuracy: number;
  distance: number;
  floor_ok: boolean;
  unit_ok: boolean;
  plate_ok: boolean;
};
export type VerificationRow = {
  id: string;
  gln: string;
  at: string;
  staffId: string;
  staffName: string;
  fix: VerificationFix;
};

/** A complaint in the county chamber's queue, with its shop's name when it names one. */
export type CountyRequest = StoredRequest & {
  overdueEscalatedAt: string | null;
  locationName: string | null;
};

export interface FieldQueries {
  /** The shop's stages, newest first. */
  shopEnforcement(gln: string): EnforcementRow[];
  /** Appends a stage as the shop's next; fails if another took that number first. */
  addShopEnforcement(row: Omit<EnforcementRow, 'seq'>, seq: number): void;
  /** A seal closes the shop on the public record; lifting it opens it again. */
  setLocationStatus(gln: string, status: 'active' | 'sealed', at: string): void;
  /**
   * Marks every open complaint past its deadline that was not escalated for it yet, and returns
   * their ids: each is returned by exactly one call, however many instances sweep at once.
   */
  claimOverdue(now: string): string[];
  /** The county a complaint belongs to: its shop's, else the county of the body it was routed to. */
  requestCounty(id: string): string | undefined;
  /** Open complaints in the county that an objection or the deadline sent up. */
  countyCases(county: string): CountyRequest[];
  /** Open reports of this category routed within the county. */
  countyReports(county: string, serviceCode: string): StoredRequest[];
  addVisit(row: VisitRow): void;
  /** Newest first. */
  visits(requestId: string): VisitRow[];
  /** Every photo a visit refers to, so the orphan sweep keeps them. */
  visitMedia(): string[];
  /** Records the check and raises the location to level 4. */
  addVerification(row: VerificationRow): void;
  lastVerification(gln: string): VerificationRow | undefined;
}
