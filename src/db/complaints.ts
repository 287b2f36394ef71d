import { liveQuery } from 'dexie';
import type { ApiErrorItem, Note, ServiceRequest, ServiceRequestCreated, Substatus } from '../api/index.ts';
import { isFromAnsweringBody } from '../api/lifecycle.ts';
import { type ComplaintRecord, db } from './database.ts';

// The reporter's complaints, from the first keystroke (a draft) to the union's last word. The
// record's `data` holds what the schema leaves open; `dataOf` gives it its shape.

/** Local lifecycle; the server's own `substatus` lives in `data`. */
export type ComplaintStatus = 'draft' | 'queued' | 'failed' | 'open' | 'closed';

export type ContactDetails = { firstName: string; phone: string; email: string };

/** What the form holds: raw typed text, converted only when the complaint is queued. */
export type ComplaintDraft = {
  step: 'category' | 'details' | 'review';
  serviceCode?: string;
  serviceName?: string;
  attributes: Record<string, string>;
  description: string;
  /** Already stripped of EXIF/GPS (strip-photo.ts) before they were ever stored. */
  photos: Blob[];
  /** Voice notes and videos as recorded or picked; the service strips their metadata. */
  clips?: Blob[];
  contactable: boolean;
  contact: ContactDetails;
  declared: boolean;
  /** The reporter agreed to show their description on the shop's page once the union approves it. */
  publish?: boolean;
  ext?: string;
  lat?: number;
  long?: number;
};

export type ComplaintData = {
  draft?: ComplaintDraft;
  placeName?: string;
  serviceName?: string;
  agency?: string;
  expectedAt?: string;
  requestedAt?: string;
  substatus?: Substatus;
  escalated?: boolean;
  notes: Note[];
  /** Union-authored notes the reporter has seen; the rest are unread. */
  seenUnionNotes: number;
  failure?: ApiErrorItem[];
  /** Open311's one photo (the first), kept for records written before `mediaUrls`. */
  mediaUrl?: string;
  /** Every photo as the service stored it (paths on the service, see `ApiClient.mediaHref`). */
  mediaUrls?: string[];
  /** Reply notifications: this phone asked for them, or the reporter said "not now". */
  notify?: 'on' | 'dismissed';
};

export type Complaint = Omit<ComplaintRecord, 'status' | 'data'> & {
  status: ComplaintStatus;
  data: ComplaintData;
};

const table = () => db().complaints;

export function dataOf(rec: ComplaintRecord): ComplaintData {
  const d = (rec.data ?? {}) as Partial<ComplaintData>;
  return { ...d, notes: d.notes ?? [], seenUnionNotes: d.seenUnionNotes ?? 0 };
}

function typed(rec: ComplaintRecord | undefined): Complaint | undefined {
  return rec && { ...rec, status: rec.status as ComplaintStatus, data: dataOf(rec) };
}

/**
 * What the union said, counted as the reporter would: one reply that also changes the status
 * arrives as two notes with the same time, but it is one piece of news.
 */
export function unionNotes(notes: Note[]): number {
  const union = notes.filter(isFromAnsweringBody);
  const replyTimes = new Set(union.filter((n) => n.type === 'reply').map((n) => n.datetime));
  return union.filter((n) => n.type === 'reply' || !replyTimes.has(n.datetime)).length;
}

export async function getComplaint(id: string): Promise<Complaint | undefined> {
  return typed(await table().get(id));
}

export async function putComplaint(c: Complaint): Promise<void> {
  await table().put(c);
}

/** Every complaint except drafts, newest first. */
export async function listComplaints(): Promise<Complaint[]> {
  const all = await table().orderBy('updatedAt').reverse().toArray();
  return all.filter((r) => r.status !== 'draft').map((r) => typed(r)!);
}

/** Live list (Dexie notices writes from other tabs and the service worker too). */
export function watchComplaints(onChange: (list: Complaint[]) => void): () => void {
  const sub = liveQuery(listComplaints).subscribe({ next: onChange, error: () => {} });
  return () => sub.unsubscribe();
}

export function watchComplaint(id: string, onChange: (c: Complaint | undefined) => void): () => void {
  const sub = liveQuery(() => getComplaint(id)).subscribe({ next: onChange, error: () => {} });
  return () => sub.unsubscribe();
}

/**
 * The unsent draft for a shop (or, without a GLN, for a missing-plate report): the one named by
 * `id` when it still is a draft for that place, else the most recently edited.
 */
export async function findDraft(gln: string | undefined, id?: string): Promise<Complaint | undefined> {
  if (id) {
    const wanted = typed(await table().get(id));
    if (wanted?.status === 'draft' && (wanted.gln ?? '') === (gln ?? '')) return wanted;
  }
  const drafts = await table().where('status').equals('draft').toArray();
  return typed(
    drafts.filter((d) => (d.gln ?? '') === (gln ?? '')).sort((a, b) => b.updatedAt - a.updatedAt)[0],
  );
}

export async function deleteComplaint(id: string): Promise<void> {
  await table().delete(id);
}

/** Unfinished drafts, the most recently edited first. */
export async function listDrafts(): Promise<Complaint[]> {
  const drafts = await table().where('status').equals('draft').toArray();
  return drafts.sort((a, b) => b.updatedAt - a.updatedAt).map((r) => typed(r)!);
}

export function watchDrafts(onChange: (list: Complaint[]) => void): () => void {
  const sub = liveQuery(listDrafts).subscribe({ next: onChange, error: () => {} });
  return () => sub.unsubscribe();
}

/** Deletes a draft, unless it was submitted meanwhile (another tab): that one is kept. */
export async function discardDraft(id: string): Promise<void> {
  await db().transaction('rw', db().complaints, async () => {
    if ((await table().get(id))?.status === 'draft') await table().delete(id);
  });
}

/** Complaints from this device about the same shop and category that are still in play. */
export async function openSameCategory(gln: string, serviceCode: string): Promise<Complaint[]> {
  const mine = await table().where('gln').equals(gln).toArray();
  return mine
    .filter((r) => r.serviceCode === serviceCode && ['queued', 'failed', 'open'].includes(r.status))
    .map((r) => typed(r)!);
}

export async function totalUnread(): Promise<number> {
  const all = await table().toArray();
  return all.reduce((sum, r) => sum + (r.unread || 0), 0);
}

/** Viewing the detail page reads every reply. */
export async function markRead(id: string): Promise<void> {
  await db().transaction('rw', db().complaints, async () => {
    const c = await getComplaint(id);
    if (!c || c.unread === 0) return;
    await putComplaint({ ...c, unread: 0, data: { ...c.data, seenUnionNotes: unionNotes(c.data.notes) } });
  });
}

/** The service acknowledged the complaint: the photos may go, the server's view comes in. */
export function withCreated(
  c: Complaint,
  created: ServiceRequestCreated,
  mediaUrls: string[],
  now: number,
): Complaint {
  const { draft: _sent, failure: _old, ...rest } = c.data;
  return {
    ...c,
    serverId: created.service_request_id,
    token: created.access_token,
    status: 'open',
    updatedAt: now,
    data: {
      ...rest,
      agency: created.agency_responsible,
      expectedAt: created.expected_datetime,
      substatus: 'received',
      mediaUrl: mediaUrls[0],
      mediaUrls,
    },
  };
}

/** Merges the server's record; new union notes count as unread. */
export function withRemote(c: Complaint, r: ServiceRequest, now: number): Complaint {
  const unread = Math.max(0, unionNotes(r.notes) - c.data.seenUnionNotes);
  const changed =
    r.notes.length !== c.data.notes.length || r.substatus !== c.data.substatus || r.status !== c.status;
  return {
    ...c,
    status: r.status,
    unread,
    updatedAt: changed ? now : c.updatedAt,
    data: {
      ...c.data,
      serviceName: r.service_name,
      agency: r.agency_responsible,
      expectedAt: r.expected_datetime,
      requestedAt: r.requested_datetime,
      substatus: r.substatus,
      escalated: r.escalated,
      notes: r.notes,
      mediaUrl: r.media_url ?? c.data.mediaUrl,
      mediaUrls: r.media_urls ?? (r.media_url ? [r.media_url] : c.data.mediaUrls),
    },
  };
}

/** The photos a complaint reached the service with, newest records first, older ones by `mediaUrl`. */
export function photosOf(c: Complaint): string[] {
  return c.data.mediaUrls ?? (c.data.mediaUrl ? [c.data.mediaUrl] : []);
}

/** Every acknowledged complaint, for pulling fresh replies. */
export async function trackedComplaints(): Promise<Complaint[]> {
  const all = await table().toArray();
  return all.filter((r) => r.serverId && r.token && r.status !== 'draft').map((r) => typed(r)!);
}

/**
 * The service's record of a complaint, merged. Read and write in one transaction: the reporter
 * may open the detail page (marking replies read) while the request was in flight, and that must
 * not be overwritten by a stale copy.
 */
export function mergeRemote(id: string, remote: ServiceRequest, at: number): Promise<void> {
  return db().transaction('rw', db().complaints, async () => {
    const fresh = await getComplaint(id);
    if (fresh) await putComplaint(withRemote(fresh, remote, at));
  });
}

/** The phone's copy of a complaint the service knows by `serverId` (a notification names that). */
export async function complaintByServerId(serverId: string): Promise<Complaint | undefined> {
  return typed(await table().where('serverId').equals(serverId).first());
}

/** Records this phone's notification choice for one complaint, or (undefined) for every one. */
export async function setNotify(id: string | undefined, notify: ComplaintData['notify']): Promise<void> {
  await db().transaction('rw', db().complaints, async () => {
    const rows = id ? [await getComplaint(id)] : (await table().toArray()).map(typed);
    for (const c of rows) {
      if (!c || c.data.notify === notify) continue;
      const { notify: _old, ...data } = c.data;
      await putComplaint({ ...c, data: notify ? { ...data, notify } : data });
    }
  });
}
