import type { AuditEntry, StoredAuditEntry, StoredSession, StoredStaff } from './staff-types.ts';

// Rows of the staff, session and audit tables, the same on both engines, mapped once.

export type StaffRow = {
  id: string;
  username: string;
  name: string;
  role: StoredStaff['role'];
  agency_id: string | null;
  county: string | null;
  password_hash: string;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
};

export type SessionRow = {
  id_hash: string;
  staff_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
};

export type AuditRow = {
  id: number | string;
  at: string;
  staff_id: string;
  staff_name: string;
  role: StoredStaff['role'];
  agency_id: string | null;
  action: string;
  target: string;
  detail_json: string | null;
};

export const toStaff = (r: StaffRow): StoredStaff => ({
  id: r.id,
  username: r.username,
  name: r.name,
  role: r.role,
  agency_id: r.agency_id,
  county: r.county,
  passwordHash: r.password_hash,
  disabled: Boolean(r.disabled),
  failedLogins: Number(r.failed_logins),
  lockedUntil: r.locked_until,
  createdAt: r.created_at,
});

export const toSession = (r: SessionRow): StoredSession => ({
  idHash: r.id_hash,
  staffId: r.staff_id,
  csrfToken: r.csrf_token,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  expiresAt: r.expires_at,
});

export const toAudit = (r: AuditRow): StoredAuditEntry => ({
  id: Number(r.id),
  at: r.at,
  staffId: r.staff_id,
  staffName: r.staff_name,
  role: r.role,
  agencyId: r.agency_id,
  action: r.action,
  target: r.target,
  detail: r.detail_json ? (JSON.parse(r.detail_json) as AuditEntry['detail']) : null,
});

/** A joined session + account row: the account's columns as they are, the session's prefixed. */
export type SessionStaffRow = StaffRow & {
  s_id_hash: string;
  s_csrf_token: string;
  s_created_at: string;
  s_last_seen_at: string;
  s_expires_at: string;
};

export const SESSION_JOIN = `SELECT st.*, s.id_hash AS s_id_hash, s.csrf_token AS s_csrf_token,
  s.created_at AS s_created_at, s.last_seen_at AS s_last_seen_at, s.expires_at AS s_expires_at
  FROM staff_sessions s JOIN staff st ON st.id = s.staff_id`;

export const toSessionStaff = (r: SessionStaffRow) => ({
  session: toSession({
    id_hash: r.s_id_hash,
    staff_id: r.id,
    csrf_token: r.s_csrf_token,
    created_at: r.s_created_at,
    last_seen_at: r.s_last_seen_at,
    expires_at: r.s_expires_at,
  }),
  staff: toStaff(r),
});
