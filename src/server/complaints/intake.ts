import { randomBytes, randomInt } from 'node:crypto';
import {
  addDays,
  type Note,
  REVIEW_DAYS,
  type ServiceRequestCreated,
  type ServiceRequestInput,
} from '../../api/index.ts';
import type { Writer } from '../abuse/caller.ts';
import { admitComplaint } from '../abuse/complaint-gate.ts';
import type { ServiceDeps } from '../deps.ts';
import { MESSAGES } from '../http/errors.ts';
import { glnError } from '../http/gln-param.ts';
import type { Answer } from '../http/idempotency.ts';
import { type ServerLang, tFor } from '../i18n.ts';
import { routeComplaint } from '../routing/route-complaint.ts';
import type { AddressMatch, Contact, StoredRequest } from '../store/types.ts';
import { stripBidi, stripBidiDeep } from '../text/bidi.ts';
import { sha256 } from './auth.ts';
import { CATEGORY_BY_CODE, toDefinition } from './categories.ts';
import { checkEvidence } from './evidence.ts';
import { checkMediaUrls } from './media-urls.ts';
import { noticeNote, placementParams, serviceNotice } from './notice.ts';

// Filing a complaint: check the shop (or the place), the evidence and the photo, route it, store
// it with its first timeline entries, and hand the reporter a tracking code and a secret.

const ID_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ'; // no 0/O, 1/I/L: read aloud over the phone
/** A missing-plate report is placed in the county of the nearest registered shop this close. */
const COUNTY_RADIUS_M = 3000;

type Err = (status: Answer['status'], code: string, key: string) => Answer;

async function newId(exists: (id: string) => Promise<boolean>): Promise<string> {
  for (;;) {
    const id = Array.from({ length: 8 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('');
    if (!(await exists(id))) return id;
  }
}

/** `writer`: the install (proven by its token) and address filing, for quotas and triage. */
export async function fileComplaint(
  deps: ServiceDeps,
  input: ServiceRequestInput,
  now: Date,
  writer: Writer,
  lang: ServerLang,
): Promise<Answer> {
  const { store } = deps;
  const t = tFor(lang);
  const err: Err = (status, code, key) => ({ status, body: [{ code, description: t(key) }] });
  const category = CATEGORY_BY_CODE.get(input.service_code);
  // GeoReport v2 answers 404 for a resource that does not exist; a service_code is one.
  if (!category) return err(404, 'unknown-service', MESSAGES.unknownService);

  let gln: string | null = null;
  let guildCode: string | null = null;
  let county: string | null = null;
  let address = input.address_string ? stripBidi(input.address_string) : null;
  let placedBy: AddressMatch | undefined;
  if (input.address_id) {
    const bad = glnError(input.address_id);
    if (bad) return err(400, bad.code, bad.message);
    const shop = await store.locationSummary(input.address_id);
    if (!shop) return err(404, 'not-found', MESSAGES.unknownGln);
    ({ gln, guildCode, county } = shop);
    address = shop.address;
  } else if ((input.lat === undefined || input.long === undefined) && input.address_string?.trim()) {
    // Open311 lets a request name its place by `address_string` alone. It is geocoded within the
    // registry: the one registered shop at that street and plate (whose union then answers,
    // unless the category is about a shop with no plate), else the county of the city it names
    // (its chamber's inspectors answer), else the routing table's catch-all.
    placedBy = await store.matchAddress(input.address_string);
    if (placedBy.kind === 'shop' && !category.needsLocation) {
      ({ gln, guildCode, county } = placedBy.shop);
      address = placedBy.shop.address;
    } else if (placedBy.kind === 'shop') county = placedBy.shop.county;
    else if (placedBy.kind === 'county') county = placedBy.county;
  } else if (input.lat === undefined || input.long === undefined) {
    return err(400, 'validation', MESSAGES.locationNeeded);
  } else {
    const nearest = (await store.nearby({ lat: input.lat, lng: input.long }, COUNTY_RADIUS_M, 1)).items[0];
    county = nearest ? ((await store.locationSummary(nearest.gln))?.county ?? null) : null;
  }

  const evidence = checkEvidence(toDefinition(category, await store.guilds()), input.attribute, t);
  if (!evidence.ok) return { status: 400, body: evidence.errors };
  if (!gln && typeof evidence.value.guild_code === 'string') guildCode = evidence.value.guild_code;

  const media = await checkMediaUrls(input, deps.media, deps.publicOrigin());
  if (!media.ok)
    return err(400, 'validation', media.reason === 'too-many' ? MESSAGES.tooManyMedia : MESSAGES.badMediaUrl);

  const route = routeComplaint(
    { category: category.code, guildCode, county },
    deps.routing,
    await store.routingDirectory(),
  );
  const agency = await store.agency(route.agencyId);
  if (!agency) return err(500, 'internal', MESSAGES.internal);

  // Counted only once the complaint is otherwise acceptable: a typo must not use up a quota.
  const admission = await admitComplaint(deps, writer, gln, now);
  if (!admission.ok) return err(429, admission.code, admission.message);

  const at = now.toISOString();
  const external = agency.kind === 'external';
  const expectedAt = external ? at : addDays(at, REVIEW_DAYS);
  const filing = noticeNote(agency, expectedAt);
  const created: Note = {
    type: 'created',
    datetime: at,
    author: 'system',
    text: '',
    substatus: 'received',
    ...filing,
    params: { ...(placedBy ? placementParams(placedBy, gln !== null) : {}), ...filing.params },
  };
  const contact: Contact = {
    ...(input.email ? { email: input.email } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
    ...(input.first_name ? { first_name: stripBidi(input.first_name) } : {}),
    ...(input.last_name ? { last_name: stripBidi(input.last_name) } : {}),
  };
  const token = randomBytes(24).toString('base64url');
  const id = await newId(async (candidate) => (await store.request(candidate)) !== undefined);
  const req: StoredRequest = {
    id,
    tokenHash: sha256(token),
    serviceCode: category.code,
    gln,
    lat: input.lat ?? null,
    lng: input.long ?? null,
    address,
    description: input.description ? stripBidi(input.description) : null,
    mediaUrl: media.urls[0] ?? null,
    mediaUrls: media.urls,
    attributes: stripBidiDeep(evidence.value),
    contact: Object.keys(contact).length ? contact : null,
    // The install the token proves, never the `device_id` the body states.
    deviceHash: writer.installHash,
    agencyId: agency.id,
    substatus: external ? 'not_our_jurisdiction' : 'received',
    escalated: false,
    enforcementStage: 'none',
    // Worded per reader from the filing note; the column stays for complaints filed before.
    serviceNotice: '',
    requestedAt: at,
    updatedAt: at,
    expectedAt,
    supporters: 0,
    triage: admission.triage,
    spam: false,
    published: input.publish ?? false,
  };
  const notes: Note[] = [created];
  if (external)
    notes.push({
      type: 'status_change',
      datetime: at,
      author: 'system',
      text: '',
      code: 'referred',
      substatus: 'not_our_jurisdiction',
    });
  await store.insertRequest(req, notes);

  const answer: ServiceRequestCreated = {
    service_request_id: id,
    access_token: token,
    service_notice: serviceNotice(created, lang),
    expected_datetime: expectedAt,
    agency_responsible: agency.name,
  };
  return { status: 201, body: [answer] };
}
