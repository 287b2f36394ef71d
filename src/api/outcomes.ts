import { z } from 'zod';
import { DateTimeSchema, GlnSchema } from './common.ts';
import { ANSWERING_BODIES, OUTCOMES } from './lifecycle.ts';
import { SubstatusSchema } from './open311.ts';
import { OUTCOME_ITEMS_MAX } from './outcomes-paths.ts';
import { DESK_API } from './staff.ts';

// What came of complaints against a shop, for anyone to read on its page: counts by category and
// outcome over the last months, and the latest decided complaints with the union's public reply.
// Never the reporter: no id, name, contact, install, photos or filing time (which could point at
// them). A reporter's own words only where they chose to publish them when filing and a clerk of
// the union approved them (the moderation queue below). The outcomes themselves are
// lifecycle.ts's, never listed here.

export const OutcomeSchema = z.enum(OUTCOMES);

export const OutcomeCountSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  outcome: OutcomeSchema,
  count: z.number().int().positive(),
});

export const PublicOutcomeItemSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  outcome: OutcomeSchema,
  /** The last public reply, with who gave it (the union, or the chamber after an objection) and its day (YYYY-MM-DD). */
  reply: z
    .object({
      by: z.enum(ANSWERING_BODIES),
      text: z.string(),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    })
    .optional(),
  /** The reporter's own words: published by them and approved by the union. */
  words: z.string().optional(),
});
export type PublicOutcomeItem = z.infer<typeof PublicOutcomeItemSchema>;

export const ShopOutcomesSchema = z.object({
  gln: GlnSchema,
  /** Complaints filed since this moment count. */
  since: DateTimeSchema,
  /** Decided complaints in the window. */
  total: z.number().int().nonnegative(),
  counts: z.array(OutcomeCountSchema),
  /** Newest first, at most OUTCOME_ITEMS_MAX. */
  items: z.array(PublicOutcomeItemSchema).max(OUTCOME_ITEMS_MAX),
});
export type ShopOutcomes = z.infer<typeof ShopOutcomesSchema>;

// ---- Moderation of reporters' words (union clerks and managers).

/** The union's queue of reporters' words (`?state=`, default pending) and a decision on one. */
export const MODERATION_API = {
  queue: `${DESK_API}/moderation`,
  decidePattern: `${DESK_API}/moderation/:id`,
  decide: (id: string) => `${DESK_API}/moderation/${encodeURIComponent(id)}`,
} as const;

/** No decision yet, or the clerk's. */
export const WORDS_STATES = ['pending', 'approved', 'rejected'] as const;
export const WordsStateSchema = z.enum(WORDS_STATES);
export type WordsState = z.infer<typeof WordsStateSchema>;

export const ModerationItemSchema = z.object({
  service_request_id: z.string(),
  service_code: z.string(),
  service_name: z.string(),
  address_id: GlnSchema,
  place_name: z.string(),
  substatus: SubstatusSchema,
  requested_datetime: DateTimeSchema,
  words: z.string(),
  state: WordsStateSchema,
  reason: z.string().optional(),
});
export type ModerationItem = z.infer<typeof ModerationItemSchema>;
export const ModerationListSchema = z.object({ items: z.array(ModerationItemSchema) });
export type ModerationList = z.infer<typeof ModerationListSchema>;

export const ModerationDecisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  z.object({ decision: z.literal('reject'), reason: z.string().trim().min(1).max(500) }),
]);
export type ModerationDecision = z.infer<typeof ModerationDecisionSchema>;
