import { z } from 'zod';
import { DateTimeSchema, GeoSchema, GlnSchema } from './common.ts';
import { type Actor, ENFORCEMENT_MOVES, mayEnforce } from './lifecycle.ts';
import { MEDIA_MAX_BYTES } from './media.ts';
import { type EnforcementStage, EnforcementStageSchema, type Substatus, SubstatusSchema } from './open311.ts';
import { DESK_API, type StaffRole } from './staff.ts';

// Field work at the desk: enforcement stages recorded against a shop, the county chamber's
// queue of escalations and missing-plate reports, visits, and on-site (level 4) verification.
// The stages and their order are lifecycle.ts's; this file says who of the staff takes which,
// and the wire shapes. Words are locale keys (`desk` namespace).

/** The desk's field routes, under DESK_API. */
export const FIELD_API = {
  enforcement: `${DESK_API}/enforcement`,
  county: `${DESK_API}/county`,
  /** One escalated complaint as the county's inspector works it (`/reply`, `/move` below it). */
  countyCase: (id: string) => `${DESK_API}/county/cases/${id}`,
  visits: `${DESK_API}/visits`,
  verify: (gln: string) => `${DESK_API}/verify/${gln}`,
} as const;

/**
 * The 2022 guild chamber letter: the union of the shop's guild warns and blocks POS terminals for
 * its own complaints; the county chamber's inspectors (Guild System Law Art. 52) take every stage
 * in their county, sealing and lifting included. Field agents and operators take none.
 */
export const STAGES_BY_ROLE: Record<StaffRole, readonly EnforcementStage[]> = {
  clerk: ['written_warning', 'pos_block'],
  manager: ['written_warning', 'pos_block'],
  inspector: ['written_warning', 'pos_block', 'seal', 'lifted'],
  field_agent: [],
  operator: [],
};

/** The lifecycle's actor a staff role acts as (lifecycle.ts knows bodies, not people). */
export function actorOf(role: StaffRole): Actor | undefined {
  if (role === 'clerk' || role === 'manager') return 'union';
  if (role === 'inspector') return 'chamber';
  return undefined;
}

/**
 * Where a shop stands: its latest stage. Once lifted, the shop starts afresh, so a later
 * violation begins again with a warning (lifecycle.ts ends a single case at `lifted`).
 */
export function currentStage(entries: readonly { stage: EnforcementStage }[]): EnforcementStage {
  const last = entries[0]?.stage ?? 'none';
  return last === 'lifted' ? 'none' : last;
}

/** Why this person may not take this stage now, or undefined when they may. */
export function enforcementRefusal(
  role: StaffRole,
  from: EnforcementStage,
  to: EnforcementStage,
): 'stage-not-yours' | 'stage-order' | undefined {
  const actor = actorOf(role);
  if (!actor || !STAGES_BY_ROLE[role].includes(to)) return 'stage-not-yours';
  return mayEnforce(actor, from, to) ? undefined : 'stage-order';
}

/** The stages that may follow `from` for this person, in the letter's order. */
export function nextStages(role: StaffRole, from: EnforcementStage): EnforcementStage[] {
  return ENFORCEMENT_MOVES[from].filter((to) => enforcementRefusal(role, from, to) === undefined);
}

/** One stage on a shop's public record: what, since and until when, for which complaint. */
export const ShopEnforcementSchema = z.object({
  stage: EnforcementStageSchema,
  at: DateTimeSchema,
  /** When the stage ends (POS block, seal) or must be lifted by; absent for a warning. */
  until: DateTimeSchema.optional(),
  service_request_id: z.string(),
});
export type ShopEnforcement = z.infer<typeof ShopEnforcementSchema>;

/** The on-site check behind verification level 4, as the public record names it. */
export const OnSiteVerificationSchema = z.object({
  at: DateTimeSchema,
  /** The field agent's name. */
  by: z.string(),
});
export type OnSiteVerification = z.infer<typeof OnSiteVerificationSchema>;

export const EnforcementInputSchema = z.object({
  service_request_id: z.string().min(1).max(40),
  stage: EnforcementStageSchema.exclude(['none']),
});
export type EnforcementInput = z.infer<typeof EnforcementInputSchema>;

export const EnforcementResultSchema = z.object({
  gln: GlnSchema,
  stage: EnforcementStageSchema,
  history: z.array(ShopEnforcementSchema),
});
export type EnforcementResult = z.infer<typeof EnforcementResultSchema>;

/** What the desk's enforcement panel reads for a complaint's shop. */
export const ShopEnforcementStateSchema = z.object({
  gln: GlnSchema,
  stage: EnforcementStageSchema,
  /** The stages the signed-in person may record next. */
  next: z.array(EnforcementStageSchema),
  history: z.array(ShopEnforcementSchema),
});
export type ShopEnforcementState = z.infer<typeof ShopEnforcementStateSchema>;

// ---- Visits to a missing-plate report

export const VISIT_OUTCOMES = ['plate_installed', 'warned', 'shop_not_found', 'false_report'] as const;
export const VisitOutcomeSchema = z.enum(VISIT_OUTCOMES);
export type VisitOutcome = z.infer<typeof VisitOutcomeSchema>;

export const VisitSchema = z.object({
  service_request_id: z.string(),
  outcome: VisitOutcomeSchema,
  at: DateTimeSchema,
  /** The photo taken on the visit, under /api/v1/media/. */
  media_url: z.string(),
});
export type Visit = z.infer<typeof VisitSchema>;

// ---- The county chamber's queue

export const CountyCaseSchema = z.object({
  service_request_id: z.string(),
  service_code: z.string(),
  service_name: z.string(),
  substatus: SubstatusSchema,
  requested_datetime: DateTimeSchema,
  expected_datetime: DateTimeSchema,
  /** Why it is here: the reporter objected, or the union let the Art. 72 deadline pass. */
  reason: z.enum(['objection', 'overdue']),
  enforcement_stage: EnforcementStageSchema,
  address_id: GlnSchema.optional(),
  location_name: z.string().optional(),
  address: z.string().optional(),
});
export type CountyCase = z.infer<typeof CountyCaseSchema>;

/** An inspector's public reply to the reporter, optionally moving the complaint along. */
export const CountyReplySchema = z.object({
  text: z.string().trim().min(1).max(4000),
  substatus: SubstatusSchema.optional(),
});
export type CountyReply = z.infer<typeof CountyReplySchema>;
/** An inspector's move along the lifecycle, with words for the reporter or none. */
export const CountyMoveSchema = z.object({
  substatus: SubstatusSchema,
  text: z.string().trim().max(4000).optional(),
});

export const MissingPlateItemSchema = z.object({
  service_request_id: z.string(),
  requested_datetime: DateTimeSchema,
  geo: GeoSchema,
  address: z.string().optional(),
  description: z.string().optional(),
  media_urls: z.array(z.string()),
  /** Metres from the inspector, when they gave their position. */
  distance: z.number().optional(),
  visit: VisitSchema.optional(),
});
export type MissingPlateItem = z.infer<typeof MissingPlateItemSchema>;

/** A plate shoppers keep reading far from its registered point (their "is this the right place?"). */
export const MisplacedPlateItemSchema = z.object({
  gln: GlnSchema,
  name: z.string(),
  geo: GeoSchema,
  /** Distinct installs whose reading was far, and near, in the readings window. */
  far_installs: z.number().int(),
  near_installs: z.number().int(),
  last_reading: DateTimeSchema,
  distance: z.number().optional(),
});
export type MisplacedPlateItem = z.infer<typeof MisplacedPlateItemSchema>;

export const CountyQueueSchema = z.object({
  county: z.string(),
  cases: z.array(CountyCaseSchema),
  missing_plates: z.array(MissingPlateItemSchema),
  /** Plates to visit because shoppers' readings put them far from where they are registered. */
  misplaced_plates: z.array(MisplacedPlateItemSchema),
});
export type CountyQueue = z.infer<typeof CountyQueueSchema>;

// ---- Level 4: on-site verification

export const VerifyInputSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** The fix's accuracy radius in metres, as the phone's Geolocation API reports it. */
  accuracy: z.number().positive().max(100_000),
  floor_ok: z.boolean(),
  unit_ok: z.boolean(),
  plate_ok: z.boolean(),
});
export type VerifyInput = z.infer<typeof VerifyInputSchema>;

/**
 * A fix coarser than this is refused. A phone with a GPS lock in a street reports 5–15 m; a
 * fix taken from Wi-Fi or cell towers only reports 30 m and more. Above 25 m the fix is not a
 * satellite position at all, so it cannot stand for having been at the shop.
 */
export const MAX_FIX_ACCURACY_M = 25;
/**
 * Farther than this from the registered point is refused. The registered point was itself set
 * by a phone or a map pin (another ~15 m), and a shop's door may be that far from the point of
 * a deep building; 50 m covers both, while the next block along a Tehran street is farther.
 */
export const MAX_FIX_DISTANCE_M = 50;

export const VERIFY_REFUSALS = ['fix-too-coarse', 'fix-too-far', 'checks-incomplete'] as const;
export type VerifyRefusal = (typeof VERIFY_REFUSALS)[number];

export const VerifyResultSchema = z.object({
  gln: GlnSchema,
  verificationLevel: z.literal(4),
  verification: OnSiteVerificationSchema,
  /** Metres between the fix and the registered point. */
  distance: z.number(),
});
export type VerifyResult = z.infer<typeof VerifyResultSchema>;

/** What the verify page reads before the agent checks: the registered floor, unit and point. */
export const VerifyTargetSchema = z.object({
  gln: GlnSchema,
  name: z.string(),
  address: z.string(),
  floor: z.string(),
  unit: z.string(),
  geo: GeoSchema,
  verificationLevel: z.number().int(),
  verification: OnSiteVerificationSchema.optional(),
});
export type VerifyTarget = z.infer<typeof VerifyTargetSchema>;

/**
 * A visit is the chamber's decision on a missing-plate report: a missing plate seen (and now
 * posted, or warned about) is a violation found; no shop there, or no violation, is none.
 */
export const VISIT_DECISION: Record<VisitOutcome, Substatus> = {
  plate_installed: 'violation_found',
  warned: 'violation_found',
  shop_not_found: 'no_violation',
  false_report: 'no_violation',
};

/**
 * A visit as the desk sends it: the photo travels in the same request, base64, so the outcome
 * and its evidence land together (the desk client speaks JSON; the phone has already shrunk the
 * photo, as the complaint form does).
 */
export const VisitInputSchema = z.object({
  service_request_id: z.string().min(1).max(40),
  outcome: VisitOutcomeSchema,
  photo: z
    .string()
    .min(1)
    .max(Math.ceil((MEDIA_MAX_BYTES * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]+=*$/),
});
export type VisitInput = z.infer<typeof VisitInputSchema>;
