import type { Staff } from '../../api/index.ts';

// What the store keeps about the desk's people, their sessions and what they did. Written once
// as plain return types; `Store` sees each as a promise (types.ts).

/** An account as stored: the public `Staff` plus what only sign-in may read. */
export type StoredStaff = Staff & {
  /** `scrypt$N$r$p$salt$hash` (see staff/password.ts); never leaves the service. */
  passwordHash: string;
  disabled: boolean;
  failedLogins: number;
  /** Until when sign-in is refused, whatever the password; null when not locked. */
  lockedUntil: string | null;
  createdAt: string;
};

export type NewStaff = Staff & { passwordHash: string; createdAt: string };

/** A session row: the id is known here only by its SHA-256. */
export type StoredSession = {
  idHash: string;
  staffId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  /** The absolute end: no activity extends it. */
  expiresAt: string;
};

export type AuditEntry = {
  at: string;
  staffId: string;
  staffName: string;
  role: Staff['role'];
  agencyId: string | null;
  action: string;
  target: string;
  detail: Record<string, string | number | boolean> | null;
};
export type StoredAuditEntry = AuditEntry & { id: number };

export interface StaffQueries {
  /** False when the username is taken. */
  insertStaff(staff: NewStaff): boolean;
  staffById(id: string): StoredStaff | undefined;
  staffByUsername(username: string): StoredStaff | undefined;
  /** Every account, by username (the operator's list). */
  listStaff(): StoredStaff[];
  /** A new password: the lockout and its count are cleared with it. */
  setStaffPassword(id: string, passwordHash: string, at: string): boolean;
  /** Disabling also ends every session of the account. */
  setStaffDisabled(id: string, disabled: boolean): boolean;
  /** Sign-in bookkeeping: the failure count and the lock's end (0 and null: unlocked). */
  setStaffLogin(id: string, failedLogins: number, lockedUntil: string | null): void;
  /**
   * One more wrong password, counted in one statement (parallel guesses each count): when the
   * count reaches `lockAfter` the account is locked until `lockUntil`. Answers the new state.
   */
  recordFailedLogin(
    id: string,
    lockAfter: number,
    lockUntil: string,
  ): { failedLogins: number; lockedUntil: string | null } | undefined;

  insertSession(session: StoredSession): void;
  /** The session with its account, whatever their state: the caller judges expiry and disabling. */
  session(idHash: string): { session: StoredSession; staff: StoredStaff } | undefined;
  touchSession(idHash: string, at: string): void;
  deleteSession(idHash: string): void;
  /** Ends every session of an account (sign out everywhere, a password reset); how many ended. */
  deleteStaffSessions(staffId: string): number;
  /** Drops sessions past their absolute end. */
  pruneSessions(before: string): void;

  appendAudit(entry: AuditEntry): void;
  /**
   * Newest first, `limit` entries with ids below `before` (when given); `agencyId` undefined
   * reads every agency's (the operator), a string only that agency's.
   */
  auditPage(q: { agencyId?: string; before?: number; limit: number }): StoredAuditEntry[];
}
