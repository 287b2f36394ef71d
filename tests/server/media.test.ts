import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaUploadResultSchema } from '../../src/api/index.ts';
import { expectPersianError, FIRST_GLN, type Harness, startServer } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h.stop());

const photoWithExif = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'SecretPhone', Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 41/1 0/1' },
    })
    .toBuffer();

const upload = (body: BodyInit, type: string) =>
  fetch(`${h.url}/api/v1/media`, {
    method: 'POST',
    headers: { 'Content-Type': type, 'X-Install-Token': h.installToken },
    body,
  });

describe('evidence photos', () => {
  it('re-encodes an uploaded photo without its EXIF and serves it back at the returned URL', async () => {
    const input = await photoWithExif();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const res = await upload(new Uint8Array(input), 'image/jpeg');
    expect(res.status).toBe(201);
    const m = MediaUploadResultSchema.parse(await res.json());
    expect(m).toMatchObject({ type: 'image/jpeg', width: 64, height: 48 });
    const back = await fetch(h.url + m.url);
    expect(back.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await back.arrayBuffer());
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('SecretPhone'))).toBe(false);
  });

  it('accepts a multipart upload and sniffs the type from the bytes, not the label', async () => {
    const png = await sharp({ create: { width: 10, height: 10, channels: 4, background: '#00ff00' } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/jpeg' }), 'x.jpg');
    const res = await fetch(`${h.url}/api/v1/media`, {
      method: 'POST',
      headers: { 'X-Install-Token': h.installToken },
      body: form,
    });
    expect(res.status).toBe(201);
    expect(MediaUploadResultSchema.parse(await res.json()).type).toBe('image/png');
  });

  it('lets a complaint carry the returned media_url', async () => {
    const webp = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .webp()
      .toBuffer();
    const m = MediaUploadResultSchema.parse(await (await upload(new Uint8Array(webp), 'image/webp')).json());
    const res = await h.post('/open311/v2/requests.json', {
      service_code: 'no_price_label',
      address_id: FIRST_GLN,
      media_url: h.url + m.url,
    });
    expect(res.status).toBe(201);
  });

  it('refuses what is not an image, a broken image, and more than 5 MB, in Persian', async () => {
    await expectPersianError(await upload('hello', 'image/jpeg'), 415, 'unsupported-media-type');
    await expectPersianError(
      await upload(new Uint8Array([0xff, 0xd8, 0xff, 0x00, 1, 2, 3]), 'image/jpeg'),
      400,
    );
    await expectPersianError(
      await upload(new Uint8Array(5 * 1024 * 1024 + 100_000), 'image/jpeg'),
      413,
      'too-large',
    );
    await expectPersianError(await upload(new Uint8Array(0), 'image/jpeg'), 400);
  });

  it('answers 404 for media that does not exist', async () => {
    await expectPersianError(await fetch(`${h.url}/api/v1/media/${'0'.repeat(64)}.jpg`), 404);
    await expectPersianError(await fetch(`${h.url}/api/v1/media/..%2F..%2Fetc%2Fpasswd`), 404);
  });
});
