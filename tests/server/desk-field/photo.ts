import sharp from 'sharp';

/** A real photo the service can decode: a visit is refused without one. */
export async function storefrontPhoto(): Promise<Uint8Array> {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#7a5c3a' } })
    .png()
    .toBuffer();
  return new Uint8Array(png);
}
