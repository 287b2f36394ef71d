import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaUploadResultSchema, ServiceRequestResponseSchema } from '../../src/api/index.ts';
import { transcodeSlots } from '../../src/server/media/transcode-slots.ts';
import { DEVICE, GPS, phoneVideo, probeTags, voiceNote } from '../clips.ts';
import { expectPersianError, FIRST_GLN, type Harness, startServer } from './harness.ts';

// Voice notes (≤ 60 s) and short videos (≤ 20 s) as evidence: re-encoded by ffmpeg so that no
// metadata survives (position, device, creation time), refused with a Persian reason when too
// long or unreadable, stored by content hash and attachable to a complaint like a photo.

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h.stop());

const upload = (bytes: Buffer, type: string) =>
  fetch(`${h.url}/api/v1/media`, {
    method: 'POST',
    headers: { 'Content-Type': type, 'X-Install-Token': h.installToken },
    body: new Uint8Array(bytes),
  });

async function stored(url: string): Promise<Buffer> {
  const res = await h.get(url);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('a video from a phone', () => {
  it('is stored without its GPS position, device or creation time (checked with ffprobe)', {
    timeout: 60_000,
  }, async () => {
    const original = phoneVideo(3);
    // The fixture really carries what a phone writes, or the test proves nothing.
    const before = probeTags(original).tags;
    expect(before['com.apple.quicktime.location.ISO6709']).toBe(GPS);
    expect(before.location).toBeDefined();
    expect(before.creation_time).toBeDefined();
    const res = await upload(original, 'video/quicktime');
    expect(res.status).toBe(201);
    const body = MediaUploadResultSchema.parse(await res.json());
    expect(body.type).toBe('video/mp4');
    expect(body.url).toMatch(/^\/api\/v1\/media\/[0-9a-f]{64}\.mp4$/);
    const bytes = await stored(body.url);
    const after = probeTags(bytes);
    expect(after.streams.sort()).toEqual(['audio', 'video']);
    // What is left names only the service's own encoder and the streams' handlers.
    const names = Object.keys(after.tags).join(' ');
    expect(names).not.toMatch(/location|ISO6709|make|model|creation_time|date/i);
    expect(after.tags.encoder ?? 'Lavc libx264').toBe('Lavc libx264');
    // Nor anywhere in the bytes, in whatever box a tag could hide.
    expect(bytes.includes(Buffer.from('+35.6892'))).toBe(false);
    expect(bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect(bytes.includes(Buffer.from(DEVICE.split(' ')[1]!))).toBe(false);
    expect(after.duration).toBeGreaterThan(2.5);
    expect(after.duration).toBeLessThan(3.5);
  });

  it('longer than 20 seconds is refused with its Persian reason', { timeout: 60_000 }, async () => {
    const res = await upload(phoneVideo(25), 'video/quicktime');
    const [e] = await expectPersianError(res, 422, 'clip-too-long');
    expect(e!.description).toContain('۲۰ ثانیه');
  });
});

describe('a voice note', () => {
  it('recorded as Opus in WebM is stored as AAC in MP4, without its tags', { timeout: 60_000 }, async () => {
    const res = await upload(voiceNote(4), 'audio/webm');
    expect(res.status).toBe(201);
    const body = MediaUploadResultSchema.parse(await res.json());
    expect(body.type).toBe('audio/mp4');
    expect(body.url).toMatch(/\.m4a$/);
    const after = probeTags(await stored(body.url));
    expect(after.streams).toEqual(['audio']);
    expect(Object.keys(after.tags).join(' ')).not.toMatch(/location/i);
  });

  it('longer than 60 seconds is refused with its Persian reason', { timeout: 60_000 }, async () => {
    const [e] = await expectPersianError(await upload(voiceNote(65), 'audio/webm'), 422, 'clip-too-long');
    expect(e!.description).toContain('۶۰ ثانیه');
  });
});

describe('anything else', () => {
  it('that only looks like a video is refused as unreadable, in Persian', async () => {
    const fake = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom'), Buffer.alloc(4000, 7)]);
    await expectPersianError(await upload(fake, 'video/mp4'), 415, 'unsupported-media-type');
  });
});

describe('on a complaint', () => {
  it('is filed with the complaint and listed for the union among its media', {
    timeout: 60_000,
  }, async () => {
    const up = MediaUploadResultSchema.parse(await (await upload(voiceNote(2), 'audio/ogg')).json());
    const filed = await h.post('/open311/v2/requests.json', {
      service_code: 'overpricing',
      address_id: FIRST_GLN,
      attribute: { price_paid: 150000, labelled_price: 120000 },
      description: 'فروشنده گفت قیمت برچسب قدیمی است.',
      media_urls: [up.url],
    });
    expect(filed.status).toBe(201);
    const [created] = (await filed.json()) as { service_request_id: string }[];
    const res = await h.get(`/open311/v2/requests/${created!.service_request_id}.json`, {
      headers: { Authorization: `Bearer ${h.token('union-4711-tehran')}` },
    });
    const [req] = ServiceRequestResponseSchema.parse(await res.json());
    expect(req!.media_urls?.some((u) => u.endsWith(up.url))).toBe(true);
  });
});

describe('transcoding slots', () => {
  it('lets a few run, a few wait, and turns the rest away at once', async () => {
    const slots = transcodeSlots(1, 1);
    const first = await slots.take();
    expect(first).toBeDefined();
    const waiting = slots.take();
    expect(await slots.take()).toBeUndefined();
    first!();
    const second = await waiting;
    expect(second).toBeDefined();
    second!();
    expect(await slots.take()).toBeDefined();
  });
});
