import type { ServiceRequest, UnionQueueItem } from '../../api/index.ts';
import { isOpen } from '../lifecycle/transitions.ts';
import type { Agency, Store, StoredRequest } from '../store/types.ts';
import { CATEGORY_BY_CODE } from './categories.ts';

// Stored complaints as the wire shapes: the reporter's/union's full view, the union's queue row.

export async function toServiceRequest(
  r: StoredRequest,
  store: Store,
  agency: Agency | undefined,
): Promise<ServiceRequest> {
  const open = isOpen(r.substatus);
  return {
    service_request_id: r.id,
    status: open ? 'open' : 'closed',
    substatus: r.substatus,
    service_code: r.serviceCode,
    service_name: CATEGORY_BY_CODE.get(r.serviceCode)?.name ?? r.serviceCode,
    ...(r.description ? { description: r.description } : {}),
    agency_responsible: agency?.name ?? '',
    ...(agency?.phone ? { agency_phone: agency.phone } : {}),
    service_notice: r.serviceNotice,
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
    notes: await store.notes(r.id),
  };
}

export async function toQueueItem(r: StoredRequest, store: Store, now: Date): Promise<UnionQueueItem> {
  const open = isOpen(r.substatus);
  const location = r.gln ? await store.locationSummary(r.gln) : undefined;
  return {
    service_request_id: r.id,
    service_code: r.serviceCode,
    service_name: CATEGORY_BY_CODE.get(r.serviceCode)?.name ?? r.serviceCode,
    status: open ? 'open' : 'closed',
    substatus: r.substatus,
    requested_datetime: r.requestedAt,
    expected_datetime: r.expectedAt,
    overdue: open && Date.parse(r.expectedAt) < now.getTime(),
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
