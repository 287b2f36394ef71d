import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MediaUploadResultSchema,
  ServiceRequestResponseSchema,
  UnionQueueSchema,
} from '../../src/api/index.ts';
import { migrate } from '../../src/server/store/migrations.ts';
import { expectPersianError, FIRST_GLN, fileOverpricing, type Harness, startServer } from './harness.ts';

// Every photo reaches the union: `media_urls` (an extension; Open311 has one `media_url`) carries
// up to three, each one this service stored itself.

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h.stop());

const auth = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
const abs = (path: string) => `${h.url}${path}`;

async function uploadPhoto(shade: number): Promise<string> {
  const png = await sharp({
    create: { width: 8, height: 8, channels: 3, background: { r: shade, g: 0, b: 0 } },
  })
    .png()
    .toBuffer();
  const res = await fetch(`${h.url}/api/v1/media`, {
    method: 'POST',
    headers: { 'Content-Type': 'image/png', 'X-Install-Token': h.installToken },
    body: new Uint8Array(png),
  });
  return MediaUploadResultSchema.parse(await res.json()).url;
}

async function readBack(c: { service_request_id: string; access_token: string }) {
  const res = await h.get(`/open311/v2/requests/${c.service_request_id}.json`, auth(c.access_token));
  return ServiceRequestResponseSchema.parse(await res.json())[0]!;
}

describe('every photo of a complaint', () => {
  let photos: string[];
  beforeAll(async () => {
    photos = [await uploadPhoto(10), await uploadPhoto(20), await uploadPhoto(30), await uploadPhoto(40)];
  });

  it('keeps all three for the reporter, the first as media_url, and leaves the description alone', async () => {
    const filed = await fileOverpricing(h, { media_urls: photos.slice(0, 3) });
    const req = await readBack(filed);
    // Open311's media_url is read back as an absolute URL on this service.
    expect(req.media_urls).toEqual(photos.slice(0, 3).map(abs));
    expect(req.media_url).toBe(abs(photos[0]!));
    expect(req.description).toBe('قیمت بیشتر از برچسب');
  });

  it("shows them all in the union's queue", async () => {
    const filed = await fileOverpricing(h, { media_urls: [photos[2], photos[1]] });
    const queue = UnionQueueSchema.parse(
      await (await h.get('/open311/v2/union/requests.json', auth(h.token('union-4711-tehran')))).json(),
    );
    const item = queue.items.find((i) => i.service_request_id === filed.service_request_id)!;
    expect(item.media_urls).toEqual([photos[2], photos[1]]);
    expect(item.media_url).toBe(photos[2]);
  });

  it("accepts this service's own absolute URLs as the same photos as their paths", async () => {
    const filed = await fileOverpricing(h, { media_urls: [h.url + photos[0]] });
    expect((await readBack(filed)).media_urls).toEqual([abs(photos[0]!)]);
  });

  it('takes an Open311 media_url alone, or as the first when media_urls repeats it', async () => {
    expect((await readBack(await fileOverpricing(h, { media_url: photos[1] }))).media_urls).toEqual([
      abs(photos[1]!),
    ]);
    const both = await fileOverpricing(h, { media_url: photos[0], media_urls: [photos[0], photos[3]] });
    expect((await readBack(both)).media_urls).toEqual([abs(photos[0]!), abs(photos[3]!)]);
  });

  it('answers neither field when there is no photo', async () => {
    const req = await readBack(await fileOverpricing(h));
    expect(req.media_url).toBeUndefined();
    expect(req.media_urls).toBeUndefined();
  });

  it('refuses, in Persian, more than three photos', async () => {
    const file = (extra: object) =>
      h.post('/open311/v2/requests.json', { service_code: 'no_invoice', address_id: FIRST_GLN, ...extra });
    await expectPersianError(await file({ media_urls: photos }), 400, 'validation');
    const [e] = await expectPersianError(
      await file({ media_url: photos[3], media_urls: photos.slice(0, 3) }),
      400,
      'validation',
    );
    expect(e!.description).toContain('۳');
  });

  // A photo elsewhere is fetched once at filing (open311-media-elsewhere.test.ts); one on a host
  // that does not resolve is refused with the reason.
  it('refuses, in Persian, a photo on a host it cannot reach, a protocol-relative URL and a file it never stored', async () => {
    const file = (media_urls: string[]) =>
      h.post('/open311/v2/requests.json', { service_code: 'no_invoice', address_id: FIRST_GLN, media_urls });
    for (const bad of [
      `https://evil.invalid${photos[0]}`,
      `//evil.example${photos[0]}`,
      `${h.url}${photos[0]}?x=1`,
      `/api/v1/media/${'0'.repeat(64)}.jpg`,
      '/api/v1/media/../../etc/passwd',
      'javascript:alert(1)',
    ])
      await expectPersianError(await file([photos[0]!, bad]), 400, 'validation');
  });
});

describe('the media_urls migration', () => {
  it('gives complaints filed before it their one photo as the list', () => {
    const db = new Database(':memory:');
    // The first schema, as a database written by the first release.
    migrate(db, 1);
    const insert = db.prepare(
      `INSERT INTO requests (id, token_hash, service_code, media_url, attributes_json, agency_id, substatus, service_notice, requested_at, updated_at, expected_at)
       VALUES (?, 'h', 'overpricing', ?, '{}', 'a', 'received', 'n', 't', 't', 't')`,
    );
    insert.run('WITHPHOTO', '/api/v1/media/a.jpg');
    insert.run('NOPHOTO', null);
    migrate(db);
    const rows = db.prepare('SELECT id, media_urls_json FROM requests ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'NOPHOTO', media_urls_json: '[]' },
      { id: 'WITHPHOTO', media_urls_json: '["/api/v1/media/a.jpg"]' },
    ]);
    db.close();
  });
});
