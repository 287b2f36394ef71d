import { z } from 'zod';
import { DateTimeSchema, GlnSchema } from './common.ts';
import { EnforcementStageSchema, SubstatusSchema } from './open311.ts';

// The union clerk's view of its routing queue. Contact details appear only when the reporter
// chose to be contactable.

export const UnionQueueItemSchema = z.object({
  service_request_id: z.string(),
  service_code: z.string(),
  service_name: z.string(),
  status: z.enum(['open', 'closed']),
  substatus: SubstatusSchema,
  requested_datetime: DateTimeSchema,
  expected_datetime: DateTimeSchema,
  /** Past the Art. 72 deadline and still open. */
  overdue: z.boolean(),
  escalated: z.boolean(),
  enforcement_stage: EnforcementStageSchema,
  address_id: GlnSchema.optional(),
  location_name: z.string().optional(),
  address: z.string().optional(),
  description: z.string().optional(),
  media_url: z.string().optional(),
  media_urls: z.array(z.string()).optional(),
  attribute: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).optional(),
  contact: z
    .object({ email: z.string().optional(), phone: z.string().optional(), first_name: z.string().optional() })
    .optional(),
  supporters: z.number().int(),
  /** Set aside for triage under this group (one install's, one address's or one shop's burst). */
  triage_group: z.string().optional(),
  spam: z.boolean().optional(),
});
export type UnionQueueItem = z.infer<typeof UnionQueueItemSchema>;

export const UnionQueueSchema = z.object({
  union: z.object({ id: z.string(), name: z.string() }),
  items: z.array(UnionQueueItemSchema),
  /** Pass as `?cursor=` for the next page; absent on the last page. */
  next_cursor: z.string().optional(),
  /** Complaints waiting in triage (`?view=triage`), so the desk sees a flood without wading through it. */
  triage_count: z.number().int().optional(),
});
export type UnionQueue = z.infer<typeof UnionQueueSchema>;
