import { z } from 'zod';

/** Photos are re-encoded and stored by content hash; `url` goes into a complaint's `media_url`. */
export const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MEDIA_MAX_BYTES = 5 * 1024 * 1024;

export const MediaUploadResultSchema = z.object({
  url: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  type: z.enum(MEDIA_TYPES),
  bytes: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
});
export type MediaUploadResult = z.infer<typeof MediaUploadResultSchema>;
