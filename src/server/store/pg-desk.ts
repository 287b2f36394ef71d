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
  POSTGRES,
  pageOf,
  placesOf,
  SET_ASIDE_SQL,
  SHOP_COMPLAINTS_SQL,
  type TemplateRow,
  templateValues,
} from './desk-sql.ts';
import type { DeskQueries } from './desk-types.ts';
import type { Query } from './pg.ts';
import type { Async } from './types.ts';

// The clerk's desk on PostgreSQL: the same SQL as SQLite's (desk-sql.ts). COUNT and SUM answer
// bigints, which pg hands over as text.

export function createPgDeskQueries(q: Query): Async<DeskQueries> {
  return {
    async deskPage(agencyId, filter, after, limit) {
      const { text, values } = deskPageSql(POSTGRES, agencyId, filter, after, limit);
      return pageOf(await q<DeskRowSql>(text, values), limit);
    },
    async deskCounts(agencyId, now) {
      const rows = await q<{ substatus: string; n: string; overdue: string }>(COUNTS_SQL(POSTGRES), [
        agencyId,
        now,
      ]);
      const [aside] = await q<{ triage: string | null; spam: string | null }>(SET_ASIDE_SQL(POSTGRES), [
        agencyId,
      ]);
      return {
        byStatus: rows.map((r) => ({ substatus: r.substatus as never, count: Number(r.n) })),
        triage: Number(aside?.triage ?? 0),
        spam: Number(aside?.spam ?? 0),
        overdue: rows.reduce((sum, r) => sum + Number(r.overdue), 0),
      };
    },
    deskPlaces: async (agencyId) =>
      placesOf(await q<{ guild: string | null; county: string | null }>(PLACES_SQL(POSTGRES), [agencyId])),
    async deskRow(id) {
      const [r] = await q<DeskRowSql>(`${DESK_SELECT} WHERE r.id = $1`, [id]);
      return r && fromDeskRow(r);
    },
    shopComplaints: async (agencyId, gln, exceptId, limit) =>
      (await q<DeskRowSql>(SHOP_COMPLAINTS_SQL(POSTGRES), [agencyId, gln, exceptId, limit])).map(fromDeskRow),
    async assign(id, assignee) {
      await q(`UPDATE requests SET assignee_id = $1, assignee_name = $2 WHERE id = $3`, [
        assignee?.id ?? null,
        assignee?.name ?? null,
        id,
      ]);
    },
    templates: async (agencyId, serviceCode) =>
      (serviceCode
        ? await q<TemplateRow>(
            `SELECT * FROM reply_templates WHERE agency_id = $1 AND service_code = $2 ORDER BY title COLLATE "C", id`,
            [agencyId, serviceCode],
          )
        : await q<TemplateRow>(
            `SELECT * FROM reply_templates WHERE agency_id = $1 ORDER BY service_code COLLATE "C", title COLLATE "C", id`,
            [agencyId],
          )
      ).map(fromTemplateRow),
    async template(agencyId, id) {
      const [r] = await q<TemplateRow>(`SELECT * FROM reply_templates WHERE agency_id = $1 AND id = $2`, [
        agencyId,
        id,
      ]);
      return r && fromTemplateRow(r);
    },
    async saveTemplate(t) {
      await q(
        `INSERT INTO reply_templates (id, agency_id, service_code, title, body, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET service_code = excluded.service_code, title = excluded.title,
           body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by
         WHERE reply_templates.agency_id = excluded.agency_id`,
        templateValues(t),
      );
    },
    deleteTemplate: async (agencyId, id) =>
      (await q(`DELETE FROM reply_templates WHERE agency_id = $1 AND id = $2 RETURNING id`, [agencyId, id]))
        .length > 0,
    dashboardRows: async (agencyId) =>
      (await q<DashboardSqlRow>(DASHBOARD_SQL(POSTGRES), [agencyId])).map(fromDashboardRow),
  };
}
