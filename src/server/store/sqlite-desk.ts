import type Database from 'better-sqlite3';
import {
  COUNTS_SQL,
  DASHBOARD_SQL,
  type DashboardSqlRow,
  DESK_SELECT,
  type DeskRowSql,
  deskPageSql,
  fromDashboardRow,
  fromDeskRow,
  fromTemplateRow,
  PLACES_SQL,
  pageOf,
  placesOf,
  SET_ASIDE_SQL,
  SHOP_COMPLAINTS_SQL,
  SQLITE,
  type TemplateRow,
  templateValues,
} from './desk-sql.ts';
import type { DeskQueries, StoredTemplate } from './desk-types.ts';

// The clerk's desk on SQLite. The page query's filters vary per call; the rest are prepared once.

export function createDeskQueries(db: Database.Database): DeskQueries {
  const counts = db.prepare<[string, string], { substatus: string; n: number; overdue: number }>(
    COUNTS_SQL(SQLITE),
  );
  const setAside = db.prepare<[string], { triage: number | null; spam: number | null }>(
    SET_ASIDE_SQL(SQLITE),
  );
  const row = db.prepare<[string], DeskRowSql>(`${DESK_SELECT} WHERE r.id = ?`);
  const shop = db.prepare<[string, string, string, number], DeskRowSql>(SHOP_COMPLAINTS_SQL(SQLITE));
  const assign = db.prepare(`UPDATE requests SET assignee_id = ?, assignee_name = ? WHERE id = ?`);
  const templatesAll = db.prepare<[string], TemplateRow>(
    `SELECT * FROM reply_templates WHERE agency_id = ? ORDER BY service_code, title, id`,
  );
  const templatesOf = db.prepare<[string, string], TemplateRow>(
    `SELECT * FROM reply_templates WHERE agency_id = ? AND service_code = ? ORDER BY title, id`,
  );
  const templateOne = db.prepare<[string, string], TemplateRow>(
    `SELECT * FROM reply_templates WHERE agency_id = ? AND id = ?`,
  );
  const templatePut = db.prepare(
    `INSERT INTO reply_templates (id, agency_id, service_code, title, body, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET service_code = excluded.service_code, title = excluded.title,
       body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by
     WHERE reply_templates.agency_id = excluded.agency_id`,
  );
  const templateDel = db.prepare(`DELETE FROM reply_templates WHERE agency_id = ? AND id = ?`);
  const places = db.prepare<[string], { guild: string | null; county: string | null }>(PLACES_SQL(SQLITE));
  const dashboard = db.prepare<[string], DashboardSqlRow>(DASHBOARD_SQL(SQLITE));

  return {
    deskPage(agencyId, filter, after, limit) {
      const { text, values } = deskPageSql(SQLITE, agencyId, filter, after, limit);
      return pageOf(db.prepare<unknown[], DeskRowSql>(text).all(...values), limit);
    },
    deskCounts(agencyId, now) {
      // `?` binds in the order of the text: the moment (in the select list) before the agency.
      const rows = counts.all(now, agencyId);
      const aside = setAside.get(agencyId);
      return {
        byStatus: rows.map((r) => ({ substatus: r.substatus as never, count: r.n })),
        triage: aside?.triage ?? 0,
        spam: aside?.spam ?? 0,
        overdue: rows.reduce((sum, r) => sum + r.overdue, 0),
      };
    },
    deskPlaces: (agencyId) => placesOf(places.all(agencyId)),
    deskRow(id) {
      const r = row.get(id);
      return r && fromDeskRow(r);
    },
    shopComplaints: (agencyId, gln, exceptId, limit) =>
      shop.all(agencyId, gln, exceptId, limit).map(fromDeskRow),
    assign(id, assignee) {
      assign.run(assignee?.id ?? null, assignee?.name ?? null, id);
    },
    templates: (agencyId, serviceCode) =>
      (serviceCode ? templatesOf.all(agencyId, serviceCode) : templatesAll.all(agencyId)).map(
        fromTemplateRow,
      ),
    template(agencyId, id) {
      const r = templateOne.get(agencyId, id);
      return r && fromTemplateRow(r);
    },
    saveTemplate(t: StoredTemplate) {
      templatePut.run(...templateValues(t));
    },
    deleteTemplate: (agencyId, id) => templateDel.run(agencyId, id).changes > 0,
    dashboardRows: (agencyId) => dashboard.all(agencyId).map(fromDashboardRow),
  };
}
