import type { Query } from './pg.ts';
import {
  type AuditRow,
  SESSION_JOIN,
  type SessionStaffRow,
  type StaffRow,
  toAudit,
  toSessionStaff,
  toStaff,
} from './staff-rows.ts';
import type { StaffQueries } from './staff-types.ts';
import type { Async } from './types.ts';

// The desk's accounts, sessions and audit trail on PostgreSQL: the same rows as on SQLite.

export function createPgStaffQueries(
  q: Query,
  atomically: <T>(fn: () => Promise<T>) => Promise<T>,
): Async<StaffQueries> {
  const one = async <R>(text: string, values: unknown[]) => (await q<R>(text, values))[0];
  const count = async (text: string, values: unknown[]) =>
    (
      await q<{ n: number }>(`WITH done AS (${text} RETURNING 1) SELECT count(*)::int AS n FROM done`, values)
    )[0]!.n;
  return {
    insertStaff: async (s) =>
      (await count(
        `INSERT INTO staff (id, username, name, role, agency_id, county, password_hash, created_at, password_changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT (username) DO NOTHING`,
        [s.id, s.username, s.name, s.role, s.agency_id, s.county, s.passwordHash, s.createdAt],
      )) === 1,
    staffById: async (id) => {
      const r = await one<StaffRow>(`SELECT * FROM staff WHERE id = $1`, [id]);
      return r && toStaff(r);
    },
    staffByUsername: async (username) => {
      const r = await one<StaffRow>(`SELECT * FROM staff WHERE username = $1`, [username]);
      return r && toStaff(r);
    },
    listStaff: async () =>
      (await q<StaffRow>(`SELECT * FROM staff ORDER BY username COLLATE "C"`)).map(toStaff),
    setStaffPassword: async (id, hash, at) =>
      (await count(
        `UPDATE staff SET password_hash = $1, password_changed_at = $2, failed_logins = 0, locked_until = NULL WHERE id = $3`,
        [hash, at, id],
      )) === 1,
    setStaffDisabled: (id, disabled) =>
      atomically(async () => {
        const changed =
          (await count(`UPDATE staff SET disabled = $1 WHERE id = $2`, [disabled ? 1 : 0, id])) === 1;
        if (disabled) await q(`DELETE FROM staff_sessions WHERE staff_id = $1`, [id]);
        return changed;
      }),
    setStaffLogin: async (id, failed, until) => {
      await q(`UPDATE staff SET failed_logins = $1, locked_until = $2 WHERE id = $3`, [failed, until, id]);
    },
    recordFailedLogin: async (id, lockAfter, lockUntil) => {
      const r = await one<{ failed_logins: number; locked_until: string | null }>(
        `UPDATE staff SET failed_logins = failed_logins + 1,
           locked_until = CASE WHEN failed_logins + 1 >= $1 THEN $2 ELSE locked_until END
         WHERE id = $3 RETURNING failed_logins, locked_until`,
        [lockAfter, lockUntil, id],
      );
      return r && { failedLogins: Number(r.failed_logins), lockedUntil: r.locked_until };
    },
    insertSession: async (s) => {
      await q(`INSERT INTO staff_sessions VALUES ($1, $2, $3, $4, $5, $6)`, [
        s.idHash,
        s.staffId,
        s.csrfToken,
        s.createdAt,
        s.lastSeenAt,
        s.expiresAt,
      ]);
    },
    session: async (idHash) => {
      const r = await one<SessionStaffRow>(`${SESSION_JOIN} WHERE s.id_hash = $1`, [idHash]);
      return r && toSessionStaff(r);
    },
    touchSession: async (idHash, at) => {
      await q(`UPDATE staff_sessions SET last_seen_at = $1 WHERE id_hash = $2`, [at, idHash]);
    },
    deleteSession: async (idHash) => {
      await q(`DELETE FROM staff_sessions WHERE id_hash = $1`, [idHash]);
    },
    deleteStaffSessions: (staffId) => count(`DELETE FROM staff_sessions WHERE staff_id = $1`, [staffId]),
    pruneSessions: async (before) => {
      await q(`DELETE FROM staff_sessions WHERE expires_at < $1`, [before]);
    },
    appendAudit: async (e) => {
      await q(
        `INSERT INTO audit (at, staff_id, staff_name, role, agency_id, action, target, detail_json)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          e.at,
          e.staffId,
          e.staffName,
          e.role,
          e.agencyId,
          e.action,
          e.target,
          e.detail ? JSON.stringify(e.detail) : null,
        ],
      );
    },
    auditPage: async ({ agencyId, before, limit }) => {
      const below = before ?? Number.MAX_SAFE_INTEGER;
      const rows =
        agencyId === undefined
          ? await q<AuditRow>(`SELECT * FROM audit WHERE id < $1 ORDER BY id DESC LIMIT $2`, [below, limit])
          : await q<AuditRow>(
              `SELECT * FROM audit WHERE agency_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3`,
              [agencyId, below, limit],
            );
      return rows.map(toAudit);
    },
  };
}
