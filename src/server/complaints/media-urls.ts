import { MAX_CLIPS, MAX_PHOTOS, type ServiceRequestInput } from '../../api/index.ts';
import type { MediaStore } from '../store/media.ts';

// A complaint's photos (and voice notes and videos) must be ones this service stored: a path under /api/v1/media/ (or the
// same URL on this service's own origin) that it holds. Anything else, another host
// included, is refused, so a complaint never makes the union's desk load a stranger's URL.

const MEDIA_PATH = /^\/api\/v1\/media\/([0-9a-f]{64})\.(jpg|png|webp|m4a|mp4)$/;

export type MediaCheck = { ok: true; urls: string[] } | { ok: false; reason: 'bad-url' | 'too-many' };

/** `media_url` (Open311) and `media_urls` (extension) as one ordered list of stored paths. */
export async function checkMediaUrls(
  input: Pick<ServiceRequestInput, 'media_url' | 'media_urls'>,
  media: MediaStore,
  origin: string,
): Promise<MediaCheck> {
  const given = [...(input.media_url ? [input.media_url] : []), ...(input.media_urls ?? [])];
  const urls: string[] = [];
  for (const raw of given) {
    const path = ownPath(raw, origin);
    const m = path === undefined ? null : MEDIA_PATH.exec(path);
    if (!m || !(await media.has(`${m[1]}.${m[2]}`))) return { ok: false, reason: 'bad-url' };
    if (!urls.includes(m[0])) urls.push(m[0]);
  }
  const clips = urls.filter((u) => /\.(m4a|mp4)$/.test(u)).length;
  return urls.length - clips > MAX_PHOTOS || clips > MAX_CLIPS
    ? { ok: false, reason: 'too-many' }
    : { ok: true, urls };
}

/** The path of a URL on this service: a bare path, or an absolute URL on `origin`. */
function ownPath(raw: string, origin: string): string | undefined {
  if (raw.startsWith('/') && !raw.startsWith('//')) return raw;
  try {
    const url = new URL(raw);
    return url.origin === origin && !url.search && !url.hash ? url.pathname : undefined;
  } catch {
    return undefined;
  }
}
