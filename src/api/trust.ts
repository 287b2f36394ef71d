import { z } from 'zod';

// A shop's trust badge as the service computes it from what is on the public record. Only the
// summary is defined here so that every list (shop page, near me) asks for the same thing; the
// factors behind it and the formula's table are added next to it by the trust computation.

/** From best to worst; `unrated` when the record says too little to judge. */
export const TRUST_LEVELS = ['high', 'good', 'low', 'unrated'] as const;
export const TrustLevelSchema = z.enum(TRUST_LEVELS);
export type TrustLevel = z.infer<typeof TrustLevelSchema>;

export const TrustSummarySchema = z.object({
  level: TrustLevelSchema,
  /** 0–100, the sum of the factors' points; only for ordering and filters, never shown alone. */
  score: z.number().int().min(0).max(100),
});
export type TrustSummary = z.infer<typeof TrustSummarySchema>;
