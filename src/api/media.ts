import { z } from 'zod';

/** Photos are re-encoded and stored by content hash; `url` goes into a complaint's `media_url`. */
export const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'audio/mp4', 'video/mp4'] as const;
export const MEDIA_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Voice notes and short videos: uploaded at the same address as photos, re-encoded by the
 * service (AAC in MP4 for a voice note, H.264 + AAC in MP4 for a video) with no metadata kept.
 * A clip longer than its kind's limit is refused.
 */
export const CLIP_LIMITS = { voice: { maxSeconds: 60 }, video: { maxSeconds: 20 } } as const;
export const CLIP_MAX_BYTES = 40 * 1024 * 1024;
/** What the picker and the recorder accept; the service decides by the bytes, not by this. */
export const CLIP_ACCEPT = 'audio/*,video/*';

export const MediaUploadResultSchema = z.object({
  url: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  type: z.enum(MEDIA_TYPES),
  bytes: z.number().int(),
  /** Pixels; 0 for a voice note. */
  width: z.number().int(),
  height: z.number().int(),
  /** Seconds, for a voice note or a video. */
  duration: z.number().optional(),
});
export type MediaUploadResult = z.infer<typeof MediaUploadResultSchema>;
