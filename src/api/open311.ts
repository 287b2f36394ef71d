import { z } from 'zod';
import { DateTimeSchema, GlnSchema } from './common.ts';
import { ACTORS, ANSWERING_BODIES } from './lifecycle.ts';

// Complaints in Open311 GeoReport v2 shapes (snake_case as the standard has it), so that an
// adapter to any Open311 back end is a mapping of endpoints, not of fields.

/** Photos per complaint: what the form offers and what the service keeps. */
export const MAX_PHOTOS = 3;
/** Voice notes and videos per complaint (one of each, or two of a kind). */
export const MAX_CLIPS = 2;
/** Every stored file a complaint names: its photos and its clips. */
export const MAX_MEDIA = MAX_PHOTOS + MAX_CLIPS;

export const ServiceSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
  /** The Guild System Law article the category rests on, when there is one. */
  legal_basis: z.string().optional(),
  /** True for categories about a shop with no plate: no GLN, a position instead. */
  needs_location: z.boolean(),
});
export type Service = z.infer<typeof ServiceSchema>;

export const AttributeDatatypeSchema = z.enum([
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
]);
export type AttributeDatatype = z.infer<typeof AttributeDatatypeSchema>;

export const ServiceAttributeSchema = z.object({
  variable: z.boolean(),
  code: z.string(),
  datatype: AttributeDatatypeSchema,
  required: z.boolean(),
  datatype_description: z.string(),
  order: z.number().int(),
  description: z.string(),
  values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
});
export type ServiceAttribute = z.infer<typeof ServiceAttributeSchema>;

export const ServiceDefinitionSchema = z.object({
  service_code: z.string(),
  attributes: z.array(ServiceAttributeSchema),
});
export type ServiceDefinition = z.infer<typeof ServiceDefinitionSchema>;

/**
 * A new complaint. `address_id` is the shop's GLN; without it (a shop with no plate) `lat` and
 * `long` are required. Contact fields are sent only when the reporter chose to be contactable.
 * Form-encoded bodies use `attribute[code]=value`; JSON bodies use an `attribute` object.
 */
export const ServiceRequestInputSchema = z.object({
  service_code: z.string().min(1).max(40),
  address_id: GlnSchema.optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  address_string: z.string().max(500).optional(),
  description: z.string().max(4000).optional(),
  /** Open311's one photo; when `media_urls` is sent too, it is taken as the first of them. */
  media_url: z.string().max(500).optional(),
  /**
   * Extension: every photo (at most MAX_MEDIA), each a URL the service's own media endpoint
   * returned. Open311 has room for one; an adapter keeps the first in `media_url`.
   */
  media_urls: z.array(z.string().max(500)).max(MAX_MEDIA).optional(),
  attribute: z
    .record(z.string().max(60), z.union([z.string().max(2000), z.number(), z.array(z.string().max(200))]))
    .optional(),
  email: z.email().max(200).optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 -]{6,20}$/)
    .optional(),
  first_name: z.string().max(100).optional(),
  last_name: z.string().max(100).optional(),
  /**
   * Open311's device id: the app's random per-install id. Stored only as a hash and never read
   * back; it lets "me too" by place skip the reporter's own complaint.
   */
  device_id: z.string().min(8).max(100).optional(),
  /**
   * Extension: the reporter agrees that anyone may read the description and see the photos in
   * the public view (GET requests without a key). Absent means no: the default is private.
   * Form bodies send `true`/`false` (or 1/0).
   */
  publish: z
    .preprocess(
      (v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v),
      z.boolean(),
    )
    .optional(),
});
export type ServiceRequestInput = z.infer<typeof ServiceRequestInputSchema>;

export const ServiceRequestCreatedSchema = z.object({
  service_request_id: z.string(),
  /** The reporter's secret: `Authorization: Bearer {access_token}` reads and follows up. */
  access_token: z.string(),
  /** Which body received it and by when it must answer, in the request's language. */
  service_notice: z.string(),
  expected_datetime: DateTimeSchema,
  agency_responsible: z.string(),
});
export type ServiceRequestCreated = z.infer<typeof ServiceRequestCreatedSchema>;
/** `POST requests.json` answers an Open311 array of one. */
export const ServiceRequestCreatedResponseSchema = z.array(ServiceRequestCreatedSchema);

/** The lifecycle; `open` while received, under review or a hearing is set. */
export const SUBSTATUSES = [
  'received',
  'under_review',
  'hearing_scheduled',
  'violation_found',
  'no_violation',
  'withdrawn',
  'not_our_jurisdiction',
  'duplicate',
] as const;
export const SubstatusSchema = z.enum(SUBSTATUSES);
export type Substatus = z.infer<typeof SubstatusSchema>;

/** Missing-plate enforcement: warning, then a 2-week POS block, then a 30-day seal; lifted once posted. */
export const ENFORCEMENT_STAGES = ['none', 'written_warning', 'pos_block', 'seal', 'lifted'] as const;
export const EnforcementStageSchema = z.enum(ENFORCEMENT_STAGES);
export type EnforcementStage = z.infer<typeof EnforcementStageSchema>;

export const NOTE_TYPES = [
  'created',
  'follow_up',
  'objection',
  'withdraw',
  'reply',
  'status_change',
  'escalated',
  'enforcement',
  'support',
] as const;
export const NoteSchema = z.object({
  type: z.enum(NOTE_TYPES),
  datetime: DateTimeSchema,
  /** Who wrote it (ACTORS in lifecycle.ts): the reporter, the union, the county chamber or the system. */
  author: z.enum(ACTORS),
  /** What a person wrote (reporter or union); empty when the system wrote the note. */
  text: z.string(),
  substatus: SubstatusSchema.optional(),
  enforcement_stage: EnforcementStageSchema.optional(),
  /**
   * Extension: what the system says, as a code (`NOTE_CODES` in lifecycle.ts) and its
   * parameters; clients word it from their locales, never from the service's language.
   */
  code: z.string().max(40).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Note = z.infer<typeof NoteSchema>;

export const ServiceRequestSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  substatus: SubstatusSchema,
  status_notes: z.string().optional(),
  service_code: z.string(),
  service_name: z.string(),
  description: z.string().optional(),
  agency_responsible: z.string(),
  agency_phone: z.string().optional(),
  service_notice: z.string(),
  requested_datetime: DateTimeSchema,
  updated_datetime: DateTimeSchema,
  /** Filing + 10 days (Guild System Law Art. 72); renewed when an objection reopens it. */
  expected_datetime: DateTimeSchema,
  address_id: GlnSchema.optional(),
  address: z.string().optional(),
  lat: z.number().optional(),
  long: z.number().optional(),
  /** The first photo, for Open311 clients. */
  media_url: z.string().optional(),
  /** Extension: every photo, in the order the reporter attached them (absent when none). */
  media_urls: z.array(z.string()).max(MAX_MEDIA).optional(),
  attribute: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).optional(),
  /** True once an objection sent it up to the county's supervision commission. */
  escalated: z.boolean(),
  enforcement_stage: EnforcementStageSchema,
  /** Other devices that said "me too". */
  supporters: z.number().int(),
  notes: z.array(NoteSchema),
});
export type ServiceRequest = z.infer<typeof ServiceRequestSchema>;
/** `GET requests/{id}.json` answers an Open311 array of one. */
export const ServiceRequestResponseSchema = z.array(ServiceRequestSchema);

/**
 * What anyone may read about a complaint without a key (GET requests, GET requests/{id}):
 * category, shop, state and outcome, dates, the union's public answers. Never contact details or
 * evidence; the description and photos only when the reporter chose to publish them.
 */
export const PublicNoteSchema = NoteSchema.extend({ author: z.enum([...ANSWERING_BODIES, 'system']) });
export type PublicNote = z.infer<typeof PublicNoteSchema>;
export const ServiceRequestPublicSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  substatus: SubstatusSchema,
  /** The union's latest public answer. */
  status_notes: z.string().optional(),
  service_code: z.string(),
  service_name: z.string(),
  /** Only when the reporter agreed to publish it. */
  description: z.string().optional(),
  agency_responsible: z.string(),
  service_notice: z.string(),
  requested_datetime: DateTimeSchema,
  updated_datetime: DateTimeSchema,
  expected_datetime: DateTimeSchema,
  /** The shop's GLN, with the registry's own address and position of it. */
  address_id: GlnSchema.optional(),
  address: z.string().optional(),
  lat: z.number().optional(),
  long: z.number().optional(),
  /** Absolute URLs; only when the reporter agreed to publish the photos. */
  media_url: z.string().optional(),
  media_urls: z.array(z.string()).max(MAX_MEDIA).optional(),
  escalated: z.boolean(),
  enforcement_stage: EnforcementStageSchema,
  supporters: z.number().int(),
  notes: z.array(PublicNoteSchema),
});
export type ServiceRequestPublic = z.infer<typeof ServiceRequestPublicSchema>;
export const ServiceRequestPublicResponseSchema = z.array(ServiceRequestPublicSchema);

/** GeoReport v2 "GET service_request_id from a token": every service here is realtime, so a
 * request's id is its own token. */
export const TokenAnswerSchema = z.array(z.object({ service_request_id: z.string(), token: z.string() }));
export type TokenAnswer = z.infer<typeof TokenAnswerSchema>;

/** Service discovery (required by GeoReport v2; its url ends in /discovery). */
export const DiscoverySchema = z.object({
  changeset: DateTimeSchema,
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: DateTimeSchema,
      type: z.enum(['production', 'test']),
      formats: z.array(z.string()),
    }),
  ),
});
export type Discovery = z.infer<typeof DiscoverySchema>;

/** FixMyStreet's states (its "Additional states" extension), which its clients send and read. */
export const FMS_STATUSES = [
  'OPEN',
  'INVESTIGATING',
  'IN_PROGRESS',
  'ACTION_SCHEDULED',
  'FIXED',
  'NO_FURTHER_ACTION',
  'NOT_COUNCILS_RESPONSIBILITY',
  'DUPLICATE',
  'INTERNAL_REFERRAL',
  'CLOSED',
] as const;
export type FmsStatus = (typeof FMS_STATUSES)[number];

/**
 * FixMyStreet's POST Service Request Update. `api_key` may carry the reporter's access token or a
 * union's credential (as `Authorization: Bearer` does); `update_id` is the client's own id for
 * the update, and a repeat of it is answered with the first answer instead of a second update.
 */
export const FmsUpdateInputSchema = z.object({
  service_request_id: z.string().min(1).max(40),
  update_id: z.string().min(1).max(100).optional(),
  updated_datetime: z.string().max(40).optional(),
  status: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(FMS_STATUSES)),
  description: z.string().max(4000).optional(),
  first_name: z.string().max(100).optional(),
  last_name: z.string().max(100).optional(),
  email: z.string().max(200).optional(),
  api_key: z.string().max(200).optional(),
  media_url: z.string().max(500).optional(),
});
export type FmsUpdateInput = z.infer<typeof FmsUpdateInputSchema>;
/** Answered as `<service_request_updates><request_update><update_id>`. */
export const FmsUpdateCreatedSchema = z.array(z.object({ update_id: z.string() }));

/** One entry of FixMyStreet's GET Service Request Updates: a union answer or a change of state. */
export const RequestUpdateSchema = z.object({
  update_id: z.string(),
  service_request_id: z.string(),
  status: z.enum(FMS_STATUSES),
  updated_datetime: DateTimeSchema,
  description: z.string(),
});
export type RequestUpdate = z.infer<typeof RequestUpdateSchema>;
export const RequestUpdatesResponseSchema = z.array(RequestUpdateSchema);

export const REPORTER_ACTIONS = ['follow_up', 'objection', 'withdraw'] as const;
export const UNION_ACTIONS = ['reply'] as const;

export const ServiceRequestUpdateInputSchema = z.object({
  service_request_id: z.string().min(1).max(40),
  action: z.enum([...REPORTER_ACTIONS, ...UNION_ACTIONS]),
  description: z.string().max(4000).optional(),
  media_url: z.string().max(500).optional(),
  /** Union only: the new lifecycle state. */
  substatus: SubstatusSchema.optional(),
  /** Union only, missing-plate cases: the next enforcement stage. */
  enforcement_stage: EnforcementStageSchema.optional(),
});
export type ServiceRequestUpdateInput = z.infer<typeof ServiceRequestUpdateInputSchema>;

export const ServiceRequestUpdateCreatedSchema = z.object({
  service_request_update_id: z.string(),
  service_request_id: z.string(),
  updated_datetime: DateTimeSchema,
  request: ServiceRequestSchema,
});
export type ServiceRequestUpdateCreated = z.infer<typeof ServiceRequestUpdateCreatedSchema>;
export const ServiceRequestUpdateResponseSchema = z.array(ServiceRequestUpdateCreatedSchema);

export const SupportResultSchema = z.object({ service_request_id: z.string(), supporters: z.number().int() });
export type SupportResult = z.infer<typeof SupportResultSchema>;

/**
 * "Me too" by place: a shopper who saw the same violation at the same shop adds their support to
 * the oldest open complaint of that category there, without needing its id, and the answer does not name it.
 */
export const PlaceSupportInputSchema = z.object({
  address_id: GlnSchema,
  service_code: z.string().min(1).max(40),
  /** A random per-install id; counts one support per device, never names the shopper. */
  device_id: z.string().min(8).max(100),
});
export type PlaceSupportInput = z.infer<typeof PlaceSupportInputSchema>;

/** What the supporter may know: the count, who handles it and by when; never the id or the reporter. */
export const PlaceSupportResultSchema = z.object({
  address_id: GlnSchema,
  service_code: z.string(),
  service_name: z.string(),
  supporters: z.number().int(),
  /** True when this device had already supported it: nothing was added this time. */
  already_supported: z.boolean(),
  agency_responsible: z.string(),
  expected_datetime: DateTimeSchema,
});
export type PlaceSupportResult = z.infer<typeof PlaceSupportResultSchema>;
