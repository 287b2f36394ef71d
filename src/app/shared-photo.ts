import { SHARED_PHOTO_CACHE, SHARED_PHOTO_KEY } from './shared-photo-keys.ts';

/** The photo shared into the app, if any; it is removed as it is taken so it is decoded once. */
export async function takeSharedPhoto(): Promise<Blob | null> {
  if (typeof caches === 'undefined') return null;
  try {
    const cache = await caches.open(SHARED_PHOTO_CACHE);
    const res = await cache.match(SHARED_PHOTO_KEY);
    if (!res) return null;
    await cache.delete(SHARED_PHOTO_KEY);
    return await res.blob();
  } catch {
    return null;
  }
}
