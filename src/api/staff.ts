import { z } from 'zod';

// The people behind the queue, as the desk and the service both see them. A union clerk and a
// union manager belong to one union (agency); a chamber inspector and a field agent to one
// county (the chamber's agency); an operator runs the service for the country and belongs to
// neither. Every desk route decides what a person may read or do from these fields alone.

export const STAFF_ROLES = ['clerk', 'manager', 'inspector', 'field_agent', 'operator'] as const;
export const StaffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

export const StaffSchema = z.object({
  id: z.string(),
  username: z.string(),
  /** The person's name as colleagues and the audit trail show it. */
  name: z.string(),
  role: StaffRoleSchema,
  /** The union (clerk, manager) or county chamber (inspector, field agent); null for an operator. */
  agency_id: z.string().nullable(),
  /** The county the person works in; null for an operator. */
  county: z.string().nullable(),
});
export type Staff = z.infer<typeof StaffSchema>;

/** What signing in (and reading the current session) answers. */
export const DeskSessionSchema = z.object({
  staff: StaffSchema,
  /** Sent back on every write as the CSRF header; valid for this session only. */
  csrf_token: z.string(),
  expires_at: z.string(),
  /** The name of the person's union or chamber, as the desk shows it; null for an operator. */
  agency_name: z.string().nullable(),
});
export type DeskSession = z.infer<typeof DeskSessionSchema>;

export const SignInSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type SignIn = z.infer<typeof SignInSchema>;

/** The header every desk write carries, equal to the session's `csrf_token`. */
export const CSRF_HEADER = 'X-CSRF-Token';

/** The prefix of every desk API route (sessions, queue, field work, dashboard). */
export const DESK_API = '/api/v1/desk';

/** Sign in (POST), the current session (GET), sign out (DELETE). */
export const DESK_SESSION = `${DESK_API}/session`;

/** Every session of the signed-in person (DELETE: sign out everywhere). */
export const DESK_SESSIONS = `${DESK_API}/sessions`;

/** The audit trail: who did what, when, to what (GET `DESK_AUDIT`, newest first). */
export const DESK_AUDIT = `${DESK_API}/audit`;

export const AuditItemSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  staff_id: z.string(),
  staff_name: z.string(),
  role: StaffRoleSchema,
  agency_id: z.string().nullable(),
  /** What was done, e.g. `complaint.reply`, `account.create` (each part names its own). */
  action: z.string(),
  /** What it was done to: a complaint's id, a GLN, a username. */
  target: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).nullable(),
});
export type AuditItem = z.infer<typeof AuditItemSchema>;

export const AuditPageSchema = z.object({
  items: z.array(AuditItemSchema),
  /** Pass as `before` for the next (older) page; absent on the last. */
  next: z.number().int().optional(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
