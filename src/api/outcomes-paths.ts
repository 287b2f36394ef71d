// The address of a shop's public outcomes, without zod, so the shopper's client can import it.
// Not under /api/v1/locations/{gln}/…: that segment is an AI 254 extension, and `outcomes` is a
// valid one.
export const OUTCOMES_API = {
  /** Route pattern (the service) and path (the client). */
  shopPattern: '/api/v1/outcomes/:gln',
  shop: (gln: string) => `/api/v1/outcomes/${encodeURIComponent(gln)}`,
} as const;
