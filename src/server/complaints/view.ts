import { isOverdue, type ServiceRequest, statusOf, type UnionQueueItem } from '../../api/index.ts';
import type { ServerLang } from '../i18n.ts';
import type { Agency, Store, StoredRequest } from '../store/types.ts';
import { CATEGORY_BY_CODE } from './categories.ts';
import { serviceNotice } from './notice.ts';

// Stored complaints as the wire shapes: the reporter's/union's full view, the union's queue row.

export function toServiceRequest(
  r: StoredRequest,
  store: Store,
  agency: Agency | undefined,
  lang: ServerLang,
): ServiceRequest {
  const notes = store.notes(r.id);
  const filed = notes.find((n) => n.type === 'created');
  return {
    service_request_id: r.id,
    status: statusOf(r.substatus),
    substatus: r.substatus,
    service_code: r.serviceCode,
    service_name: CATEGORY_BY_CODE.get(r.serviceCode)?.name ?? r.serviceCode,
    ...(r.description ? { description: r.description } : {}),
    agency_responsible: agency?.name ?? '',
    ...(agency?.phone ? { agency_phone: agency.phone } : {}),
    service_notice: filed?.code ? serviceNotice(filed, lang) : r.serviceNotice,
    requested_datetime: r.requestedAt,
    updated_datetime: r.updatedAt,
    expected_datetime: r.expectedAt,
    ...(r.gln ? { address_id: r.gln } : {}),
    ...(r.address ? { address: r.address } : {}),
    ...(r.lat !== null && r.lng !== null ? { lat: r.lat, long: r.lng } : {}),
    ...media(r),
    attribute: r.attributes,
    escalated: r.escalated,
    enforcement_stage: r.enforcementStage,
    supporters: r.supporters,
    notes,
  };
}

export function toQueueItem(r: StoredRequest, store: Store, now: Date): UnionQueueItem {
  const location = r.gln ? store.locationSummary(r.gln) : undefined;
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
    ...(r.address ? { address: r.address } : {}),
    ...(r.description ? { description: r.description } : {}),
    ...media(r),
    attribute: r.attributes,
    ...(r.contact ? { contact: r.contact } : {}),
    supporters: r.supporters,
  };
}

/** Open311's one `media_url` (the first photo) and the extension's full list. */
function media(r: StoredRequest): { media_url?: string; media_urls?: string[] } {
  const urls = r.mediaUrls.length ? r.mediaUrls : r.mediaUrl ? [r.mediaUrl] : [];
  return urls.length ? { media_url: urls[0]!, media_urls: urls } : {};
}
