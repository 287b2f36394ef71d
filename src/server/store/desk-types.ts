import type { Substatus } from '../../api/index.ts';
import type { QueueCursor, StoredRequest } from './types.ts';

// What the clerk's desk asks of the store: its filtered queue, counts, assignment, reply
// templates and the rows its dashboard is computed from. A union's complaints only: every query
// takes the agency and never reads another's.

export type DeskSearch = { kind: 'id' | 'gln' | 'name'; value: string };

export type DeskFilter = {
  view: 'queue' | 'triage' | 'spam';
  /** Substatuses to keep; absent keeps all. */
  substatuses?: readonly Substatus[];
  serviceCode?: string;
  guild?: string;
  county?: string;
  /** Open and past its deadline at this moment (ISO). */
  overdueAt?: string;
  escalated?: boolean;
  photos?: boolean;
  search?: DeskSearch;
  assigneeId?: string;
};

/** A complaint as the desk lists it: with its shop's name, guild and county, and who holds it. */
export type DeskRow = StoredRequest & {
  locationName: string | null;
  guild: string | null;
  county: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
};

export type StoredTemplate = {
  id: string;
  agencyId: string;
  serviceCode: string;
  title: string;
  body: string;
  updatedAt: string;
  updatedBy: string;
};

/** One complaint's figures for the dashboard; the arithmetic is done in desk/dashboard.ts. */
export type DashboardRow = {
  serviceCode: string;
  substatus: Substatus;
  requestedAt: string;
  expectedAt: string;
  updatedAt: string;
  firstReplyAt: string | null;
};

export interface DeskQueries {
  deskPage(
    agencyId: string,
    filter: DeskFilter,
    after: QueueCursor | undefined,
    limit: number,
  ): { items: DeskRow[]; next: QueueCursor | undefined };
  deskCounts(
    agencyId: string,
    now: string,
  ): { byStatus: { substatus: Substatus; count: number }[]; triage: number; spam: number; overdue: number };
  /** The distinct guilds and counties of the agency's complaints, for the queue's filters. */
  deskPlaces(agencyId: string): { guilds: string[]; counties: string[] };
  deskRow(id: string): DeskRow | undefined;
  /** The agency's other complaints about one shop, newest first. */
  shopComplaints(agencyId: string, gln: string, exceptId: string, limit: number): DeskRow[];
  /** Sets (or clears, with null) who works a complaint. */
  assign(id: string, assignee: { id: string; name: string } | null): void;
  templates(agencyId: string, serviceCode?: string): StoredTemplate[];
  template(agencyId: string, id: string): StoredTemplate | undefined;
  saveTemplate(t: StoredTemplate): void;
  deleteTemplate(agencyId: string, id: string): boolean;
  dashboardRows(agencyId: string): DashboardRow[];
}
