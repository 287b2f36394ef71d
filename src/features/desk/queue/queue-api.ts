import { api } from '../../../api/app-client.ts';
import {
  DESK_QUEUE_API as API,
  DeskClerksSchema,
  type DeskComplaint,
  DeskComplaintSchema,
  type DeskCounts,
  DeskCountsSchema,
  type DeskDashboard,
  DeskDashboardSchema,
  type DeskQueueFilter,
  type DeskQueuePage,
  DeskQueuePageSchema,
  type ReplyTemplate,
  type ReplyTemplateInput,
  ReplyTemplateSchema,
} from '../../../api/index.ts';
import { deskClient } from '../session.ts';

// The desk queue's calls, one per intent; pages call these and never the network. They go
// through the desk's one client (CSRF header, sign-in when the session is gone); answers are
// checked against the wire schemas, so a page never renders a shape it does not know, and a
// refusal arrives as an Error whose message is the service's sentence in the UI's language.

async function deskRequest(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) {
  const r =
    method === 'GET'
      ? await deskClient().get<unknown>(path)
      : await deskClient().send<unknown>(method, path, body);
  if (r.status === 'ok') return r.data;
  throw new Error(r.errors[0]?.description ?? r.status);
}

type Query = Partial<Record<keyof DeskQueueFilter | 'cursor' | 'limit', string>>;

/** The filters as a query string, leaving out what is not set (the CSV link uses it too). */
export function queueQuery(filter: Query): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const csvUrl = (filter: Query) => `${API.csv}${queueQuery({ ...filter, cursor: undefined })}`;

export async function loadQueue(filter: Query): Promise<DeskQueuePage> {
  return DeskQueuePageSchema.parse(await deskRequest('GET', `${API.queue}${queueQuery(filter)}`));
}

export async function loadCounts(): Promise<DeskCounts> {
  return DeskCountsSchema.parse(await deskRequest('GET', API.counts));
}

export async function loadComplaint(id: string): Promise<DeskComplaint> {
  return DeskComplaintSchema.parse(await deskRequest('GET', API.complaint(id)));
}

type Act =
  | { action: 'claim' }
  | { action: 'assign'; staff_id: string }
  | { action: 'reply'; text: string; substatus?: string; template_id?: string }
  | { action: 'ask'; text: string }
  | { action: 'move'; substatus: string; text?: string }
  | { action: 'close'; outcome: string; text: string }
  | { action: 'triage'; decision: 'spam' | 'genuine' };

/** One action on a complaint; answers the complaint as it now stands. */
export async function act(id: string, { action, ...body }: Act): Promise<DeskComplaint> {
  return DeskComplaintSchema.parse(await deskRequest('POST', API.action(id, action), body));
}

export async function loadClerks() {
  return DeskClerksSchema.parse(await deskRequest('GET', API.clerks));
}

export async function loadDashboard(): Promise<DeskDashboard> {
  return DeskDashboardSchema.parse(await deskRequest('GET', API.dashboard));
}

export async function loadTemplates(category?: string): Promise<ReplyTemplate[]> {
  const path = category ? `${API.templates}?category=${encodeURIComponent(category)}` : API.templates;
  return ReplyTemplateSchema.array().parse(await deskRequest('GET', path));
}

export async function saveTemplate(input: ReplyTemplateInput, id?: string): Promise<ReplyTemplate> {
  return ReplyTemplateSchema.parse(
    await deskRequest(id ? 'PUT' : 'POST', id ? API.template(id) : API.templates, input),
  );
}

export async function deleteTemplate(id: string): Promise<void> {
  await deskRequest('DELETE', API.template(id));
}

/** The complaint categories (Open311 services), for the filters and the templates. */
export async function loadCategories(): Promise<{ code: string; name: string }[]> {
  const r = await api().services();
  if (r.status !== 'ok') throw new Error(r.errors[0]?.description ?? r.status);
  return r.data.map((s) => ({ code: s.service_code, name: s.service_name }));
}

/** A category's evidence fields by code, with their descriptions in the service's words. */
export async function loadAttributeNames(code: string): Promise<Record<string, string>> {
  const r = await api().serviceDefinition(code);
  if (r.status !== 'ok') return {};
  return Object.fromEntries(r.data.attributes.map((a) => [a.code, a.description]));
}
