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

/** The factors of the formula, in the order "why this badge?" lists them. */
export const TRUST_FACTORS = [
  'verification',
  'plate',
  'licence',
  'enforcement',
  'complaints',
  'tenure',
] as const;
export const TrustFactorNameSchema = z.enum(TRUST_FACTORS);
export type TrustFactorName = z.infer<typeof TrustFactorNameSchema>;

/** What one factor contributed, and the sentence (a `trust` locale key) that says why. */
export const TrustFactorSchema = z.object({
  factor: TrustFactorNameSchema,
  points: z.number().int().min(0),
  /** The most this factor can give, so the page can say "12 of 15". */
  max: z.number().int().min(0),
  /** Locale key of the plain-language explanation, e.g. `trust:factor.licence.valid`. */
  key: z.string(),
  /** Values the sentence names (counts, years); numbers are worded with the reader's digits. */
  params: z.record(z.string(), z.number()).optional(),
});
export type TrustFactor = z.infer<typeof TrustFactorSchema>;

/** The badge with its reasons, as the public location record carries it. */
export const TrustSchema = TrustSummarySchema.extend({
  factors: z.array(TrustFactorSchema),
  /** Shoppers standing at the registered point confirmed the plate recently (see the formula). */
  plateConfirmed: z.boolean(),
});
export type Trust = z.infer<typeof TrustSchema>;

// ---- Plate readings: "is this the right place?" from shoppers

export { plateReadingPath } from './trust-paths.ts';

/** The fix the phone gave; the service judges near or far itself, with the same rule as the app. */
export const PlateReadingInputSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracy: z.number().positive().max(100_000),
});
export type PlateReadingInput = z.infer<typeof PlateReadingInputSchema>;

export const PlateReadingResultSchema = z.object({
  verdict: z.enum(['near', 'far', 'imprecise']),
  /** False when this install already read this shop's plate this month (or the fix said nothing). */
  counted: z.boolean(),
});
export type PlateReadingResult = z.infer<typeof PlateReadingResultSchema>;
