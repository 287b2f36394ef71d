import { createHash } from 'node:crypto';
import { type Context, Hono } from 'hono';
import sharp from 'sharp';
import { CLIP_MAX_BYTES, MEDIA_MAX_BYTES, type MediaUploadResult } from '../../api/index.ts';
import { requireInstall } from '../abuse/caller.ts';
import { dayOf } from '../abuse/limits.ts';
import type { ServiceDeps } from '../deps.ts';
import { limitBody } from '../http/body.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { looksLikeClip } from '../media/clip-kind.ts';
import { transcodeClip } from '../media/transcode.ts';

// Evidence photos. The declared type is not trusted: the bytes are sniffed, decoded and
// re-encoded, which drops EXIF (GPS position, device) and anything hidden after the image.
// Uploading needs an install token and is capped per install and per day for everyone, so disk
// cannot be filled anonymously; photos no complaint uses are removed later (media/orphans.ts).

export type Kind = { type: MediaUploadResult['type']; ext: 'jpg' | 'png' | 'webp' };
export const EXT_TYPE: Record<string, MediaUploadResult['type']> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  m4a: 'audio/mp4',
  mp4: 'video/mp4',
};
/** A stored file's name: its bytes' SHA-256 and the extension of what it is. */
export const MEDIA_FILE = /^([0-9a-f]{64})\.(jpg|png|webp|m4a|mp4)$/;

export function sniffImage(b: Uint8Array): Kind | undefined {
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff)
    return { type: 'image/jpeg', ext: 'jpg' };
  if (b.length > 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v))
    return { type: 'image/png', ext: 'png' };
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length > 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP')
    return { type: 'image/webp', ext: 'webp' };
  return undefined;
}

export async function reencode(input: Uint8Array, kind: Kind) {
  // rotate() applies the EXIF orientation before the metadata is dropped, so photos stay upright.
  const img = sharp(input, { failOn: 'error', limitInputPixels: 50_000_000 })
    .rotate()
    .resize({ width: 2560, height: 2560, fit: 'inside', withoutEnlargement: true });
  const out =
    kind.ext === 'jpg'
      ? img.jpeg({ quality: 85, mozjpeg: true })
      : kind.ext === 'png'
        ? img.png()
        : img.webp({ quality: 85 });
  return out.toBuffer({ resolveWithObject: true });
}

async function uploadedBytes(req: Request): Promise<Uint8Array | undefined> {
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  if (!type.startsWith('multipart/form-data')) return new Uint8Array(await req.arrayBuffer());
  const form = await req.formData();
  const file =
    ['file', 'media', 'photo'].map((k) => form.get(k)).find((v) => v instanceof Blob) ??
    [...form.values()].find((v) => v instanceof Blob);
  return file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : undefined;
}

export function mediaRoutes(deps: ServiceDeps) {
  const app = new Hono({ strict: false });

  // Multipart framing adds a little; each kind is held to its own size below (photos to
  // MEDIA_MAX_BYTES, voice notes and videos to CLIP_MAX_BYTES).
  app.post('/api/v1/media', limitBody(CLIP_MAX_BYTES + 64 * 1024, 'clips:errors.tooLarge'), async (c) => {
    const writer = requireInstall(c, deps);
    if (writer instanceof Response) return writer;
    let bytes: Uint8Array | undefined;
    try {
      bytes = await uploadedBytes(c.req.raw);
    } catch {
      return fail(c, 400, 'bad-body', MESSAGES.badBody);
    }
    if (!bytes || bytes.length === 0) return fail(c, 400, 'bad-body', MESSAGES.unsupportedMedia);
    const day = dayOf(deps.now());
    const { uploadsPerInstall, uploadsPerDay, clipsPerInstall, clipsPerDay } = deps.limits.daily;
    if (looksLikeClip(bytes)) {
      if (
        !(await deps.store.takeQuota(`clips:install:${writer.installHash}`, day, clipsPerInstall)) ||
        !(await deps.store.takeQuota('clips:all', day, clipsPerDay))
      )
        return fail(c, 429, 'quota-exceeded', 'clips:errors.quota');
      return storeClip(c, bytes);
    }
    if (
      !(await deps.store.takeQuota(`uploads:install:${writer.installHash}`, day, uploadsPerInstall)) ||
      !(await deps.store.takeQuota('uploads:all', day, uploadsPerDay))
    )
      return fail(c, 429, 'quota-exceeded', MESSAGES.uploadQuota);
    if (bytes.length > MEDIA_MAX_BYTES) return fail(c, 413, 'too-large', MESSAGES.tooLargeMedia);
    const kind = sniffImage(bytes);
    if (!kind) return fail(c, 415, 'unsupported-media-type', MESSAGES.unsupportedMedia);
    let out: Awaited<ReturnType<typeof reencode>>;
    try {
      out = await reencode(bytes, kind);
    } catch {
      return fail(c, 400, 'bad-body', MESSAGES.badImage);
    }
    const sha = createHash('sha256').update(out.data).digest('hex');
    await deps.media.put(`${sha}.${kind.ext}`, out.data, deps.now());
    const body: MediaUploadResult = {
      url: `/api/v1/media/${sha}.${kind.ext}`,
      sha256: sha,
      type: kind.type,
      bytes: out.data.length,
      width: out.info.width,
      height: out.info.height,
    };
    return c.json(body, 201);
  });

  /** A voice note or video: re-encoded without its metadata, within the transcoding slots. */
  async function storeClip(c: Context, bytes: Uint8Array) {
    if (bytes.length > CLIP_MAX_BYTES) return fail(c, 413, 'too-large', 'clips:errors.tooLarge');
    const release = await deps.transcodes.take();
    if (!release) {
      c.header('Retry-After', '15');
      return fail(c, 503, 'busy', 'clips:errors.busy');
    }
    let result: Awaited<ReturnType<typeof transcodeClip>>;
    try {
      result = await transcodeClip(bytes);
    } finally {
      release();
    }
    if (!result.ok)
      return result.reason === 'too-long'
        ? fail(
            c,
            422,
            'clip-too-long',
            result.kind === 'voice' ? 'clips:errors.tooLongVoice' : 'clips:errors.tooLongVideo',
          )
        : fail(c, 415, 'unsupported-media-type', 'clips:errors.unreadable');
    const { clip } = result;
    const ext = clip.kind === 'voice' ? 'm4a' : 'mp4';
    const sha = createHash('sha256').update(clip.data).digest('hex');
    await deps.media.put(`${sha}.${ext}`, clip.data, deps.now());
    const body: MediaUploadResult = {
      url: `/api/v1/media/${sha}.${ext}`,
      sha256: sha,
      type: EXT_TYPE[ext]!,
      bytes: clip.data.length,
      width: clip.width,
      height: clip.height,
      duration: Math.round(clip.duration * 10) / 10,
    };
    return c.json(body, 201);
  }

  app.get('/api/v1/media/:file', async (c) => {
    const m = MEDIA_FILE.exec(c.req.param('file'));
    if (!m) return fail(c, 404, 'not-found', MESSAGES.notFound);
    const data = await deps.media.get(m[0]);
    if (!data) return fail(c, 404, 'not-found', MESSAGES.notFound);
    return c.body(new Uint8Array(data), 200, {
      'Content-Type': EXT_TYPE[m[2]!]!,
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });

  return app;
}
