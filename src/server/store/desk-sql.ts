import { OPEN_SUBSTATUSES as OPEN } from '../../api/index.ts';
import type { DashboardRow, DeskFilter, DeskRow, StoredTemplate } from './desk-types.ts';
import { fromRow, pageEnd, type ReqRow, VIEW } from './sqlite-complaints.ts';
import type { QueueCursor } from './types.ts';

// The desk's SQL, written once for both engines: only the placeholder (`?` or `$n`) and the
// text ordering (SQLite compares bytes; PostgreSQL is told to, with COLLATE "C") differ.

export type Dialect = { placeholder: (n: number) => string; bytes: string };
export const SQLITE: Dialect = { placeholder: () => '?', bytes: '' };
export const POSTGRES: Dialect = { placeholder: (n) => `$${n}`, bytes: ' COLLATE "C"' };

const OPEN_LIST = `(${OPEN.map((s) => `'${s}'`).join(',')})`;

export type DeskRowSql = ReqRow & {
  location_name: string | null;
  guild: string | null;
  county: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
};

export const fromDeskRow = (r: DeskRowSql): DeskRow => ({
  ...fromRow(r),
  locationName: r.location_name,
  guild: r.guild,
  county: r.county,
  assigneeId: r.assignee_id,
  assigneeName: r.assignee_name,
});

export const DESK_SELECT = `SELECT r.*, l.name AS location_name, l.guild_code AS guild, l.county AS county
  FROM requests r LEFT JOIN locations l ON l.gln = r.gln`;

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** The page query: filters in the order their parameters are bound. */
export function deskPageSql(
  d: Dialect,
  agencyId: string,
  f: DeskFilter,
  after: QueueCursor | undefined,
  limit: number,
): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const p = (v: unknown) => {
    values.push(v);
    return d.placeholder(values.length);
  };
  const where = [`r.agency_id = ${p(agencyId)}`, VIEW[f.view].replace(/\b(triage|spam)\b/g, 'r.$1')];
  if (f.substatuses) where.push(`r.substatus IN (${f.substatuses.map((s) => p(s)).join(',') || 'NULL'})`);
  if (f.serviceCode) where.push(`r.service_code = ${p(f.serviceCode)}`);
  if (f.guild) where.push(`l.guild_code = ${p(f.guild)}`);
  if (f.county) where.push(`l.county = ${p(f.county)}`);
  if (f.overdueAt) where.push(`r.substatus IN ${OPEN_LIST} AND r.expected_at < ${p(f.overdueAt)}`);
  if (f.escalated) where.push('r.escalated = 1');
  if (f.photos) where.push(`r.media_urls_json <> '[]'`);
  if (f.assigneeId) where.push(`r.assignee_id = ${p(f.assigneeId)}`);
  if (f.search?.kind === 'id') where.push(`r.id = ${p(f.search.value)}`);
  if (f.search?.kind === 'gln') where.push(`r.gln = ${p(f.search.value)}`);
  if (f.search?.kind === 'name') where.push(`l.name LIKE ${p(contains(f.search.value))} ESCAPE '\\'`);
  const b = d.bytes;
  // Keyset paging in the queue's order: escalated first, then the nearest deadline; triage keeps
  // each group together first.
  if (after) {
    const e = p(after.escalated);
    const e2 = p(after.escalated);
    const x = p(after.expectedAt);
    const x2 = p(after.expectedAt);
    const i = p(after.id);
    const key = `(r.escalated < ${e} OR (r.escalated = ${e2} AND (r.expected_at${b} > ${x} OR (r.expected_at = ${x2} AND r.id${b} > ${i}))))`;
    if (f.view === 'triage') {
      const t = p(after.triage ?? '');
      const t2 = p(after.triage ?? '');
      where.push(`(r.triage${b} > ${t} OR (r.triage = ${t2} AND ${key}))`);
    } else where.push(key);
  }
  const order = `${f.view === 'triage' ? `r.triage${b}, ` : ''}r.escalated DESC, r.expected_at${b}, r.id${b}`;
  const text = `${DESK_SELECT} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${p(limit + 1)}`;
  return { text, values };
}

export function pageOf(
  rows: DeskRowSql[],
  limit: number,
): { items: DeskRow[]; next: QueueCursor | undefined } {
  const all = rows.map(fromDeskRow);
  return { items: all.slice(0, limit), next: pageEnd(all, limit) };
}

export const COUNTS_SQL = (d: Dialect) => `SELECT
  r.substatus, COUNT(*) AS n,
  SUM(CASE WHEN r.substatus IN ${OPEN_LIST} AND r.expected_at < ${d.placeholder(2)} THEN 1 ELSE 0 END) AS overdue
  FROM requests r WHERE r.agency_id = ${d.placeholder(1)} AND ${VIEW.queue} GROUP BY r.substatus`;
export const SET_ASIDE_SQL = (d: Dialect) => `SELECT
  SUM(CASE WHEN ${VIEW.triage} THEN 1 ELSE 0 END) AS triage, SUM(spam) AS spam
  FROM requests WHERE agency_id = ${d.placeholder(1)}`;

/** The guilds and counties the agency's complaints are about: the choices of the queue's filters. */
export const PLACES_SQL = (d: Dialect) => `SELECT DISTINCT l.guild_code AS guild, l.county AS county
  FROM requests r JOIN locations l ON l.gln = r.gln WHERE r.agency_id = ${d.placeholder(1)}`;
/** Distinct non-empty values of each column, sorted by code point so both engines agree. */
export const placesOf = (rows: { guild: string | null; county: string | null }[]) => {
  const sorted = (v: (string | null)[]) =>
    [...new Set(v.filter((x): x is string => !!x))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { guilds: sorted(rows.map((r) => r.guild)), counties: sorted(rows.map((r) => r.county)) };
};

export const SHOP_COMPLAINTS_SQL = (d: Dialect) =>
  `${DESK_SELECT} WHERE r.agency_id = ${d.placeholder(1)} AND r.gln = ${d.placeholder(2)} AND r.id <> ${d.placeholder(3)}
   AND r.spam = 0 ORDER BY r.requested_at DESC LIMIT ${d.placeholder(4)}`;

export const DASHBOARD_SQL = (
  d: Dialect,
) => `SELECT r.service_code, r.substatus, r.requested_at, r.expected_at, r.updated_at,
  (SELECT MIN(n.datetime) FROM notes n WHERE n.request_id = r.id AND n.type = 'reply' AND n.author = 'union' AND n.text <> '') AS first_reply_at
  FROM requests r WHERE r.agency_id = ${d.placeholder(1)} AND ${VIEW.queue.replace(/\b(triage|spam)\b/g, 'r.$1')}`;

export type DashboardSqlRow = {
  service_code: string;
  substatus: DashboardRow['substatus'];
  requested_at: string;
  expected_at: string;
  updated_at: string;
  first_reply_at: string | null;
};
export const fromDashboardRow = (r: DashboardSqlRow): DashboardRow => ({
  serviceCode: r.service_code,
  substatus: r.substatus,
  requestedAt: r.requested_at,
  expectedAt: r.expected_at,
  updatedAt: r.updated_at,
  firstReplyAt: r.first_reply_at,
});

export type TemplateRow = {
  id: string;
  agency_id: string;
  service_code: string;
  title: string;
  body: string;
  updated_at: string;
  updated_by: string;
};
export const fromTemplateRow = (r: TemplateRow): StoredTemplate => ({
  id: r.id,
  agencyId: r.agency_id,
  serviceCode: r.service_code,
  title: r.title,
  body: r.body,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});
export const templateValues = (t: StoredTemplate) => [
  t.id,
  t.agencyId,
  t.serviceCode,
  t.title,
  t.body,
  t.updatedAt,
  t.updatedBy,
];
