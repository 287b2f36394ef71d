import { DESK_API } from './staff.ts';

// The addresses of public outcomes and of their moderation, without zod, so the shopper's client
// can import them. Not under /api/v1/locations/{gln}/…: that segment is an AI 254 extension, and
// `outcomes` is a valid one.
export const OUTCOMES_API = {
  /** Route pattern (the service) and path (the client) of a shop's public outcomes. */
  shopPattern: '/api/v1/outcomes/:gln',
  shop: (gln: string) => `/api/v1/outcomes/${encodeURIComponent(gln)}`,
  /** The union's queue of reporters' words waiting for a decision (desk). */
  moderation: `${DESK_API}/moderation`,
  decidePattern: `${DESK_API}/moderation/:id`,
  decide: (id: string) => `${DESK_API}/moderation/${encodeURIComponent(id)}`,
} as const;
