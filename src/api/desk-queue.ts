import { z } from 'zod';
import { DateTimeSchema, GlnSchema } from './common.ts';
import { OPEN_SUBSTATUSES, OUTCOMES } from './lifecycle.ts';
import { EnforcementStageSchema, NoteSchema, SubstatusSchema } from './open311.ts';
import { DESK_API } from './staff.ts';

// The clerk's desk: its queue, a complaint's detail, the actions on it, reply templates and the
// union's dashboard. A clerk sees the minimum of a reporter: contact details only when the
// reporter chose to be contactable, never the device or install they filed from.

/** The queue's routes under DESK_API, once: the service mounts them, the desk's client calls them. */
export const DESK_QUEUE_API = {
  queue: `${DESK_API}/queue`,
  counts: `${DESK_API}/queue/counts`,
  csv: `${DESK_API}/queue.csv`,
  complaint: (id: string) => `${DESK_API}/complaints/${encodeURIComponent(id)}`,
  /** `claim`, `assign`, `reply`, `ask`, `move`, `close`, `triage`. */
  action: (id: string, action: DeskAction) => `${DESK_API}/complaints/${encodeURIComponent(id)}/${action}`,
  templates: `${DESK_API}/templates`,
  template: (id: string) => `${DESK_API}/templates/${encodeURIComponent(id)}`,
  dashboard: `${DESK_API}/dashboard`,
  clerks: `${DESK_API}/clerks`,
  /**
   * One stored photo, voice note or video of a complaint, for whoever works on it: the desk
   * shows evidence through this, never through the shopper's public address.
   */
  media: (id: string, file: string) =>
    `${DESK_API}/complaints/${encodeURIComponent(id)}/media/${encodeURIComponent(file)}`,
} as const;
export const DESK_ACTIONS = ['claim', 'assign', 'reply', 'ask', 'move', 'close', 'triage'] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

/** Which list of a union's complaints: the queue, the triage set apart, or what was judged spam. */
export const DESK_VIEWS = ['queue', 'triage', 'spam'] as const;
export const DeskViewSchema = z.enum(DESK_VIEWS);

/** Query of the queue (and of its CSV export). Booleans travel as `1`. */
export const DeskQueueFilterSchema = z.object({
  view: DeskViewSchema.default('queue'),
  status: z.union([z.enum(['open', 'closed']), SubstatusSchema]).optional(),
  category: z.string().max(40).optional(),
  guild: z.string().max(20).optional(),
  county: z.string().max(80).optional(),
  overdue: z.literal('1').optional(),
  escalated: z.literal('1').optional(),
  photos: z.literal('1').optional(),
  /** A tracking code, a GLN or part of a shop's name. */
  q: z.string().trim().max(100).optional(),
  mine: z.literal('1').optional(),
});
export type DeskQueueFilter = z.infer<typeof DeskQueueFilterSchema>;

export const DeskAssigneeSchema = z.object({ id: z.string(), name: z.string() });

export const DeskQueueItemSchema = z.object({
  id: z.string(),
  service_code: z.string(),
  service_name: z.string(),
  substatus: SubstatusSchema,
  requested_datetime: DateTimeSchema,
  expected_datetime: DateTimeSchema,
  overdue: z.boolean(),
  escalated: z.boolean(),
  address_id: GlnSchema.optional(),
  location_name: z.string().optional(),
  guild: z.string().optional(),
  county: z.string().optional(),
  photos: z.number().int(),
  supporters: z.number().int(),
  assignee: DeskAssigneeSchema.optional(),
  triage_group: z.string().optional(),
  spam: z.boolean(),
});
export type DeskQueueItem = z.infer<typeof DeskQueueItemSchema>;

export const DeskQueuePageSchema = z.object({
  items: z.array(DeskQueueItemSchema),
  next_cursor: z.string().optional(),
});
export type DeskQueuePage = z.infer<typeof DeskQueuePageSchema>;

/** Complaints of the union per substatus (the queue only), and how many wait in triage or are spam. */
export const DeskCountsSchema = z.object({
  by_status: z.record(SubstatusSchema, z.number().int()),
  triage: z.number().int(),
  spam: z.number().int(),
  overdue: z.number().int(),
  /** The guild codes and counties the union's complaints are about: the choices of the queue's filters. */
  guilds: z.array(z.string()),
  counties: z.array(z.string()),
});
export type DeskCounts = z.infer<typeof DeskCountsSchema>;

export const DeskShopSchema = z.object({
  gln: GlnSchema,
  name: z.string(),
  address: z.string(),
  guild: z.string(),
  county: z.string(),
  status: z.string(),
  verification_level: z.number().int(),
});

export const DeskComplaintSchema = z.object({
  item: DeskQueueItemSchema,
  description: z.string().optional(),
  address: z.string().optional(),
  lat: z.number().optional(),
  long: z.number().optional(),
  media_urls: z.array(z.string()),
  attribute: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
  enforcement_stage: EnforcementStageSchema,
  /** Only when the reporter chose to be contactable. */
  contact: z
    .object({ email: z.string().optional(), phone: z.string().optional(), first_name: z.string().optional() })
    .optional(),
  notes: z.array(NoteSchema),
  shop: DeskShopSchema.optional(),
  /** The same union's other complaints about this shop, newest first. */
  shop_complaints: z.array(DeskQueueItemSchema),
  /** The states a clerk may move it to now, from the lifecycle table. */
  moves: z.array(SubstatusSchema),
});
export type DeskComplaint = z.infer<typeof DeskComplaintSchema>;

export const DeskReplySchema = z.object({
  text: z.string().trim().min(1).max(4000),
  /** The lifecycle state it moves to with the reply, if any. */
  substatus: SubstatusSchema.optional(),
  template_id: z.string().max(40).optional(),
});
export const DeskAskSchema = z.object({ text: z.string().trim().min(1).max(4000) });
/** A move between open states; closing names its outcome (`close`). */
export const DeskMoveSchema = z.object({
  substatus: z.enum(OPEN_SUBSTATUSES),
  text: z.string().trim().max(4000).optional(),
});
/** Closing names its outcome; a reporter's withdrawal is not the union's to choose. */
export const DESK_OUTCOMES = OUTCOMES.filter((o) => o !== 'withdrawn');
export const DeskCloseSchema = z.object({
  outcome: z.enum(DESK_OUTCOMES as [string, ...string[]]),
  text: z.string().trim().min(1).max(4000),
});
export const DeskAssignSchema = z.object({ staff_id: z.string().min(1).max(64) });
export const DeskTriageSchema = z.object({ decision: z.enum(['spam', 'genuine']) });

export const ReplyTemplateSchema = z.object({
  id: z.string(),
  service_code: z.string(),
  title: z.string(),
  body: z.string(),
  updated_at: DateTimeSchema,
});
export type ReplyTemplate = z.infer<typeof ReplyTemplateSchema>;
export const ReplyTemplateInputSchema = z.object({
  service_code: z.string().min(1).max(40),
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1).max(4000),
});
export type ReplyTemplateInput = z.infer<typeof ReplyTemplateInputSchema>;

export const DeskDashboardSchema = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  /** Median minutes from filing to the union's first reply, over complaints that had one; null if none. */
  median_first_reply_minutes: z.number().int().nullable(),
  /** Closed complaints per category and outcome. */
  outcomes: z.array(
    z.object({ service_code: z.string(), outcome: SubstatusSchema, count: z.number().int() }),
  ),
  /** Per Jalali month of filing (`1405-09`, Tehran time): filed, closed since, answered at least once. */
  months: z.array(
    z.object({
      month: z.string(),
      filed: z.number().int(),
      closed: z.number().int(),
      replied: z.number().int(),
    }),
  ),
});
export type DeskDashboard = z.infer<typeof DeskDashboardSchema>;

export const DeskClerkSchema = z.object({ id: z.string(), name: z.string() });
export const DeskClerksSchema = z.array(DeskClerkSchema);
