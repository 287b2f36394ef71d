import {
  DESK_QUEUE_API,
  type DeskComplaint,
  type DeskQueueItem,
  isOverdue,
  MOVES,
  type Note,
  type Substatus,
} from '../../api/index.ts';
import { CATEGORY_BY_CODE } from '../complaints/categories.ts';
import type { DeskRow } from '../store/desk-types.ts';
import type { Store } from '../store/types.ts';
import { stripBidi, stripBidiDeep } from '../text/bidi.ts';

// Stored complaints as the desk shows them. What a clerk sees of the reporter is the minimum:
// what they wrote and attached, their contact only when they chose to be contactable (intake
// stores it only then), and never the device they filed from or their address on the network.

const SHOP_COMPLAINTS = 20;

export function toDeskItem(r: DeskRow, now: Date): DeskQueueItem {
  return {
    id: r.id,
    service_code: r.serviceCode,
    service_name: CATEGORY_BY_CODE.get(r.serviceCode)?.name ?? r.serviceCode,
    substatus: r.substatus,
    requested_datetime: r.requestedAt,
    expected_datetime: r.expectedAt,
    overdue: isOverdue(r.substatus, r.expectedAt, now),
    escalated: r.escalated,
    ...(r.gln ? { address_id: r.gln } : {}),
    ...(r.locationName ? { location_name: r.locationName } : {}),
    ...(r.guild ? { guild: r.guild } : {}),
    ...(r.county ? { county: r.county } : {}),
    photos: r.mediaUrls.length,
    supporters: r.supporters,
    ...(r.assigneeId ? { assignee: { id: r.assigneeId, name: r.assigneeName ?? '' } } : {}),
    ...(r.triage ? { triage_group: r.triage } : {}),
    spam: r.spam,
  };
}

/** The states a deciding body may move it to from here: the lifecycle's table, asked, never restated. */
export const movesFrom = (s: Substatus, actor: 'union' | 'chamber' = 'union'): Substatus[] => [
  ...MOVES[actor][s],
];

/** Where the desk fetches a stored file of a complaint: behind the desk's own session check. */
function deskMediaUrl(id: string, stored: string, origin: string): string {
  const file = STORED_MEDIA.exec(stored)?.[1];
  return file ? `${origin}${DESK_QUEUE_API.media(id, file)}` : stored;
}
const STORED_MEDIA = /^\/api\/v1\/media\/([^/]+)$/;

export async function toDeskComplaint(
  r: DeskRow,
  store: Store,
  now: Date,
  origin: string,
): Promise<DeskComplaint> {
  const notes: Note[] = (await store.notes(r.id)).map((n) => ({ ...n, text: stripBidi(n.text) }));
  const location = r.gln ? await store.location(r.gln) : undefined;
  const others = r.gln ? await store.shopComplaints(r.agencyId, r.gln, r.id, SHOP_COMPLAINTS) : [];
  const contact = r.contact
    ? stripBidiDeep({
        ...(r.contact.first_name ? { first_name: r.contact.first_name } : {}),
        ...(r.contact.phone ? { phone: r.contact.phone } : {}),
        ...(r.contact.email ? { email: r.contact.email } : {}),
      })
    : undefined;
  return {
    item: toDeskItem(r, now),
    ...(r.description ? { description: stripBidi(r.description) } : {}),
    ...(r.address ? { address: stripBidi(r.address) } : {}),
    ...(r.lat !== null && r.lng !== null ? { lat: r.lat, long: r.lng } : {}),
    media_urls: r.mediaUrls.map((u) => deskMediaUrl(r.id, u, origin)),
    attribute: stripBidiDeep(r.attributes),
    enforcement_stage: r.enforcementStage,
    ...(contact && Object.keys(contact).length ? { contact } : {}),
    notes,
    ...(location
      ? {
          shop: {
            gln: location.gln,
            name: location.name,
            address: location.address.text,
            guild: location.guild.name,
            county: location.address.county,
            status: location.status,
            verification_level: location.verificationLevel,
          },
        }
      : {}),
    shop_complaints: others.map((o) => toDeskItem(o, now)),
    moves: movesFrom(r.substatus),
  };
}
