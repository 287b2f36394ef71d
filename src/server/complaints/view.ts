import {
  isOverdue,
  type Note,
  type PublicNote,
  type ServiceRequest,
  type ServiceRequestPublic,
  statusOf,
  type UnionQueueItem,
} from '../../api/index.ts';
import type { ServerLang } from '../i18n.ts';
import { publishedAndApproved } from '../outcomes/public-words.ts';
import type { Agency, Store, StoredRequest } from '../store/types.ts';
import { stripBidi, stripBidiDeep } from '../text/bidi.ts';
import { CATEGORY_BY_CODE } from './categories.ts';
import { serviceNotice } from './notice.ts';

// Stored complaints as the wire shapes: the reporter's/union's full view, the public view anyone
// may read, the union's queue row. Photo URLs leave absolute (Open311's media_url is "a URL to
// media"), on `origin`, this service's own.
// Reporter-written text passes stripBidi here too, so rows stored before it was applied at
// intake cannot reorder what a clerk reads.

/** The filing notice in `lang`, from the filing note's code; complaints filed before keep their text. */
function noticeOf(r: StoredRequest, notes: Note[], lang: ServerLang): string {
  const filed = notes.find((n) => n.type === 'created');
  return filed?.code ? serviceNotice(filed, lang) : r.serviceNotice;
}

export async function toServiceRequest(
  r: StoredRequest,
  store: Store,
  agency: Agency | undefined,
  origin: string,
  lang: ServerLang,
): Promise<ServiceRequest> {
  const notes = (await store.notes(r.id)).map((n) => ({ ...n, text: stripBidi(n.text) }));
  return {
    service_request_id: r.id,
    status: statusOf(r.substatus),
    substatus: r.substatus,
    service_code: r.serviceCode,
    service_name: CATEGORY_BY_CODE.get(r.serviceCode)?.name ?? r.serviceCode,
    ...(r.description ? { description: stripBidi(r.description) } : {}),
    agency_responsible: agency?.name ?? '',
    ...(agency?.phone ? { agency_phone: agency.phone } : {}),
    service_notice: noticeOf(r, notes, lang),
    requested_datetime: r.requestedAt,
    updated_datetime: r.updatedAt,
    expected_datetime: r.expectedAt,
    ...(r.gln ? { address_id: r.gln } : {}),
    ...(r.address ? { address: stripBidi(r.address) } : {}),
    ...(r.lat !== null && r.lng !== null ? { lat: r.lat, long: r.lng } : {}),
    ...media(r, origin),
    attribute: stripBidiDeep(r.attributes),
    escalated: r.escalated,
    enforcement_stage: r.enforcementStage,
    supporters: r.supporters,
    notes,
  };
}

/** Timeline entries anyone may read: the union's answers and changes of state, never the reporter's words. */
const PUBLIC_NOTES: ReadonlySet<Note['type']> = new Set([
  'created',
  'reply',
  'status_change',
  'escalated',
  'enforcement',
]);
export const PUBLIC_UPDATE_TYPES: Note['type'][] = ['reply', 'status_change', 'escalated', 'enforcement'];

function publicNotes(notes: Note[]): PublicNote[] {
  return notes.filter((n): n is PublicNote => PUBLIC_NOTES.has(n.type) && n.author !== 'reporter');
}

/**
 * The view without a key. The shop's place comes from the registry (public); a place given by
 * the reporter (a shop with no plate) is theirs and shown only with their consent; the
 * description and the photos only with their consent and the union's approval. Evidence
 * attributes and contact details never.
 */
export async function toPublicRequest(
  r: StoredRequest,
  store: Store,
  agency: Agency | undefined,
  origin: string,
  lang: ServerLang,
): Promise<ServiceRequestPublic> {
  const all = await store.notes(r.id);
  const notes = publicNotes(all);
  const lastReply = notes.findLast((n) => n.type === 'reply');
  const location = r.gln ? await store.location(r.gln) : undefined;
  // The reporter's words and photos: published by them and approved by the union (moderation).
  const shown = await publishedAndApproved(store, r);
  const place = location
    ? {
        address_id: location.gln,
        address: location.address.text,
        lat: location.geo.lat,
        long: location.geo.lng,
      }
    : r.published
      ? {
          ...(r.address ? { address: r.address } : {}),
          ...(r.lat !== null && r.lng !== null ? { lat: r.lat, long: r.lng } : {}),
        }
      : {};
  return {
    service_request_id: r.id,
    status: statusOf(r.substatus),
    substatus: r.substatus,
    ...(lastReply?.text ? { status_notes: stripBidi(lastReply.text) } : {}),
    service_code: r.serviceCode,
    service_name: CATEGORY_BY_CODE.get(r.serviceCode)?.name ?? r.serviceCode,
    ...(shown && r.description ? { description: r.description } : {}),
    agency_responsible: agency?.name ?? '',
    service_notice: noticeOf(r, all, lang),
    requested_datetime: r.requestedAt,
    updated_datetime: r.updatedAt,
    expected_datetime: r.expectedAt,
    ...place,
    ...(shown ? media(r, origin) : {}),
    escalated: r.escalated,
    enforcement_stage: r.enforcementStage,
    supporters: r.supporters,
    notes,
  };
}

export async function toQueueItem(r: StoredRequest, store: Store, now: Date): Promise<UnionQueueItem> {
  const location = r.gln ? await store.locationSummary(r.gln) : undefined;
  return {
    service_request_id: r.id,
    service_code: r.serviceCode,
    service_name: CATEGORY_BY_CODE.get(r.serviceCode)?.name ?? r.serviceCode,
    status: statusOf(r.substatus),
    substatus: r.substatus,
    requested_datetime: r.requestedAt,
    expected_datetime: r.expectedAt,
    overdue: isOverdue(r.substatus, r.expectedAt, now),
    escalated: r.escalated,
    enforcement_stage: r.enforcementStage,
    ...(r.gln ? { address_id: r.gln } : {}),
    ...(location ? { location_name: location.name } : {}),
    ...(r.address ? { address: stripBidi(r.address) } : {}),
    ...(r.description ? { description: stripBidi(r.description) } : {}),
    ...media(r),
    attribute: stripBidiDeep(r.attributes),
    ...(r.contact ? { contact: stripBidiDeep(r.contact) } : {}),
    supporters: r.supporters,
    ...(r.triage ? { triage_group: r.triage } : {}),
    ...(r.spam ? { spam: true } : {}),
  };
}

/** Open311's one `media_url` (the first photo) and the extension's full list, absolute when `origin` is given. */
function media(r: StoredRequest, origin = ''): { media_url?: string; media_urls?: string[] } {
  const stored = r.mediaUrls.length ? r.mediaUrls : r.mediaUrl ? [r.mediaUrl] : [];
  const urls = stored.map((u) => (u.startsWith('/') ? `${origin}${u}` : u));
  return urls.length ? { media_url: urls[0]!, media_urls: urls } : {};
}
