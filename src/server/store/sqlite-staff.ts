import type Database from 'better-sqlite3';
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

// The desk's accounts, sessions and audit trail on SQLite.

export function createStaffQueries(db: Database.Database): StaffQueries {
  const insert = db.prepare(
    `INSERT INTO staff (id, username, name, role, agency_id, county, password_hash, created_at, password_changed_at)
     VALUES (@id, @username, @name, @role, @agency_id, @county, @passwordHash, @createdAt, @createdAt)
     ON CONFLICT (username) DO NOTHING`,
  );
  const byId = db.prepare<[string], StaffRow>(`SELECT * FROM staff WHERE id = ?`);
  const byUsername = db.prepare<[string], StaffRow>(`SELECT * FROM staff WHERE username = ?`);
  const all = db.prepare<[], StaffRow>(`SELECT * FROM staff ORDER BY username`);
  const setPassword = db.prepare(
    `UPDATE staff SET password_hash = ?, password_changed_at = ?, failed_logins = 0, locked_until = NULL WHERE id = ?`,
  );
  const setDisabled = db.prepare(`UPDATE staff SET disabled = ? WHERE id = ?`);
  const setLogin = db.prepare(`UPDATE staff SET failed_logins = ?, locked_until = ? WHERE id = ?`);
  const failed = db.prepare<[number, string, string], { failed_logins: number; locked_until: string | null }>(
    `UPDATE staff SET failed_logins = failed_logins + 1,
       locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END
     WHERE id = ? RETURNING failed_logins, locked_until`,
  );
  const insertSession = db.prepare(
    `INSERT INTO staff_sessions VALUES (@idHash, @staffId, @csrfToken, @createdAt, @lastSeenAt, @expiresAt)`,
  );
  const session = db.prepare<[string], SessionStaffRow>(`${SESSION_JOIN} WHERE s.id_hash = ?`);
  const touch = db.prepare(`UPDATE staff_sessions SET last_seen_at = ? WHERE id_hash = ?`);
  const deleteSession = db.prepare(`DELETE FROM staff_sessions WHERE id_hash = ?`);
  const deleteAll = db.prepare(`DELETE FROM staff_sessions WHERE staff_id = ?`);
  const prune = db.prepare(`DELETE FROM staff_sessions WHERE expires_at < ?`);
  const audit = db.prepare(
    `INSERT INTO audit (at, staff_id, staff_name, role, agency_id, action, target, detail_json)
     VALUES (@at, @staffId, @staffName, @role, @agencyId, @action, @target, @detail)`,
  );
  const auditAll = db.prepare<[number, number], AuditRow>(
    `SELECT * FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?`,
  );
  const auditOf = db.prepare<[string, number, number], AuditRow>(
    `SELECT * FROM audit WHERE agency_id = ? AND id < ? ORDER BY id DESC LIMIT ?`,
  );

  return {
    insertStaff: (s) => insert.run(s).changes === 1,
    staffById: (id) => {
      const r = byId.get(id);
      return r && toStaff(r);
    },
    staffByUsername: (username) => {
      const r = byUsername.get(username);
      return r && toStaff(r);
    },
    listStaff: () => all.all().map(toStaff),
    setStaffPassword: (id, hash, at) => setPassword.run(hash, at, id).changes === 1,
    setStaffDisabled: (id, disabled) =>
      db.transaction(() => {
        const changed = setDisabled.run(disabled ? 1 : 0, id).changes === 1;
        if (disabled) deleteAll.run(id);
        return changed;
      })(),
    setStaffLogin: (id, failed, until) => void setLogin.run(failed, until, id),
    recordFailedLogin: (id, lockAfter, lockUntil) => {
      const r = failed.get(lockAfter, lockUntil, id);
      return r && { failedLogins: r.failed_logins, lockedUntil: r.locked_until };
    },
    insertSession: (s) => void insertSession.run(s),
    session: (idHash) => {
      const r = session.get(idHash);
      return r && toSessionStaff(r);
    },
    touchSession: (idHash, at) => void touch.run(at, idHash),
    deleteSession: (idHash) => void deleteSession.run(idHash),
    deleteStaffSessions: (staffId) => deleteAll.run(staffId).changes,
    pruneSessions: (before) => void prune.run(before),
    appendAudit: (e) => void audit.run({ ...e, detail: e.detail ? JSON.stringify(e.detail) : null }),
    auditPage: ({ agencyId, before, limit }) => {
      const below = before ?? Number.MAX_SAFE_INTEGER;
      const rows = agencyId === undefined ? auditAll.all(below, limit) : auditOf.all(agencyId, below, limit);
      return rows.map(toAudit);
    },
  };
}
