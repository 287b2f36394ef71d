import { z } from 'zod';

// Small shared pieces of the wire format.

/** 13 digits; the GS1 check digit is verified by the service (400 `bad-check-digit`). */
export const GlnSchema = z.string().regex(/^\d{13}$/, 'GLN must be 13 digits');

/** AI 254: 1 to 20 characters of GS1 CSET 82 (the invariant subset of ISO 646). */
export const GlnExtensionSchema = z
  .string()
  .min(1)
  .max(20)
  .regex(/^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/, 'AI 254 allows CSET 82 only');

/** ISO 8601 date-time with offset, as Open311 uses. */
export const DateTimeSchema = z.string();

export const GeoSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type Geo = z.infer<typeof GeoSchema>;
