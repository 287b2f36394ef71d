// Photos leave the phone without their metadata. A camera JPEG carries EXIF: the GPS position of
// the reporter, the phone model, the time. Decoding to pixels and re-encoding through a canvas
// writes a fresh JPEG that has none of it; resizing to at most 2048 px also keeps uploads small
// on a mobile connection (the service refuses more than 5 MB).

export const MAX_EDGE = 2048;
export const JPEG_QUALITY = 0.85;

/** Target size that fits within `max` on the longer edge, never upscaling. */
export function fitWithin(width: number, height: number, max = MAX_EDGE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export async function stripPhoto(file: Blob, max = MAX_EDGE): Promise<Blob> {
  // 'from-image' applies the EXIF orientation to the pixels before the EXIF is dropped, so a
  // portrait photo stays upright.
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height, max);
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(bitmap, 0, 0, width, height);
      return await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
    }
    // Older Safari: no OffscreenCanvas, a detached <canvas> does the same.
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), 'image/jpeg', JPEG_QUALITY),
    );
  } finally {
    bitmap.close();
  }
}
