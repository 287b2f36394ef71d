import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceRequestPublicResponseSchema } from '../../src/api/index.ts';
import { MESSAGES } from '../../src/server/http/errors.ts';
import { tFor } from '../../src/server/i18n.ts';

// The refusals are worded by the Persian locale (the default language): the sentence a reporter reads.
const fa = tFor('fa');

import { approveWords } from './approve-words.ts';
import { expectPersianError, FIRST_GLN, type Harness, startServer } from './harness.ts';
import { SHAPES, xmlAnswer } from './open311-shapes.ts';

// GeoReport v2's media_url is "A URL to media associated with the request, e.g. an image": a
// client names a photo on its own server. It is fetched once at filing (bounded in size and
// time), checked, re-encoded without metadata and kept here; or refused with the reason. The
// "other server" is a plain HTTP server this test starts on 127.0.0.1.

let h: Harness;
let strict: Harness;
let photoServer: Server;
let base: string;
const hits = new Map<string, number>();
let jpeg: Buffer;

beforeAll(async () => {
  jpeg = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#aa3300' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'SecretPhone', Model: 'X1', Artist: 'reporter name' } })
    .toBuffer();
  photoServer = createServer((req, res) => {
    hits.set(req.url!, (hits.get(req.url!) ?? 0) + 1);
    if (req.url === '/photo.jpg') return res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(jpeg);
    if (req.url === '/big-declared.jpg')
      return res
        .writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': String(6 * 1024 * 1024) })
        .end();
    if (req.url === '/big-streamed.jpg') {
      res.writeHead(200, { 'Content-Type': 'image/jpeg' });
      const chunk = Buffer.alloc(1024 * 1024, 0xff);
      for (let i = 0; i < 6; i++) res.write(chunk);
      return res.end();
    }
    if (req.url === '/page.html')
      return res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end('<html>not a photo</html>');
    if (req.url === '/moved.jpg') return res.writeHead(302, { Location: '/photo.jpg' }).end();
    if (req.url === '/slow.jpg') return; // never answers
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => photoServer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(photoServer.address() as AddressInfo).port}`;
  h = await startServer({ remoteMedia: { allowLoopback: true, timeoutMs: 500 } });
  strict = await startServer();
});
afterAll(async () => {
  await h.stop();
  await strict.stop();
  photoServer.closeAllConnections();
  await new Promise((resolve) => photoServer.close(resolve));
});

const file = (server: Harness, media_url: string) =>
  server.post('/open311/v2/requests.json', {
    service_code: 'no_invoice',
    address_id: FIRST_GLN,
    media_url,
    description: 'عکس فاکتور',
    publish: true,
  });

describe('a photo on another server', () => {
  it('is fetched once, re-encoded without its metadata, and read back as an absolute URL here', async () => {
    expect(jpeg.includes(Buffer.from('SecretPhone'))).toBe(true); // the original carries it
    const before = hits.get('/photo.jpg') ?? 0;
    const res = await file(h, `${base}/photo.jpg`);
    expect(res.status).toBe(201);
    const { service_request_id } = ((await res.json()) as { service_request_id: string }[])[0]!;
    // The public view shows the photo once the union approved what the reporter published.
    await approveWords(h, service_request_id);
    for (let i = 0; i < 2; i++) {
      const [view] = ServiceRequestPublicResponseSchema.parse(
        await (await h.get(`/open311/v2/requests/${service_request_id}.json`)).json(),
      );
      expect(view!.media_url!.startsWith(`${h.url}/api/v1/media/`)).toBe(true);
      const stored = Buffer.from(await (await fetch(view!.media_url!)).arrayBuffer());
      const meta = await sharp(stored).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.width).toBe(32);
      expect(meta.exif).toBeUndefined();
      expect(stored.includes(Buffer.from('SecretPhone'))).toBe(false);
    }
    expect(hits.get('/photo.jpg')).toBe(before + 1);
  });

  it('is refused, with the reason, when it is too large (declared or streamed), not an image, missing, moved or too slow', async () => {
    const cases: [string, string][] = [
      ['/big-declared.jpg', fa(MESSAGES.tooLargeMedia)],
      ['/big-streamed.jpg', fa(MESSAGES.tooLargeMedia)],
      ['/page.html', fa(MESSAGES.unsupportedMedia)],
      ['/missing.jpg', fa(MESSAGES.remoteMediaStatus)],
      ['/moved.jpg', fa(MESSAGES.remoteMediaStatus)],
      ['/slow.jpg', fa(MESSAGES.remoteMediaTimeout)],
    ];
    for (const [path, reason] of cases) {
      const [e] = await expectPersianError(await file(h, `${base}${path}`), 400, 'validation');
      expect(e!.description, path).toBe(reason);
    }
  });

  it('is refused in XML as <errors> when the client files in XML', async () => {
    const res = await fetch(`${h.url}/open311/v2/requests.xml`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Install-Token': h.installToken },
      body: new URLSearchParams({
        service_code: 'no_invoice',
        address_id: FIRST_GLN,
        media_url: `${base}/page.html`,
      }).toString(),
    });
    expect(res.status).toBe(400);
    const xml = await xmlAnswer(res, SHAPES.errors);
    expect((xml.errors as { error: { description: string }[] }).error[0]!.description).toBe(
      fa(MESSAGES.unsupportedMedia),
    );
  });

  it('is never fetched from loopback or private addresses by a server left at its defaults, by address or by name', async () => {
    const before = hits.get('/photo.jpg') ?? 0;
    const port = new URL(base).port;
    for (const url of [
      `${base}/photo.jpg`,
      `http://localhost:${port}/photo.jpg`,
      `http://[::1]:${port}/photo.jpg`,
      `http://[::ffff:127.0.0.1]:${port}/photo.jpg`,
      'http://10.0.0.1/photo.jpg',
      'http://169.254.169.254/latest/meta-data',
      `http://user:pass@example.org/photo.jpg`,
    ]) {
      const [e] = await expectPersianError(await file(strict, url), 400, 'validation');
      expect(e!.description, url).toBe(fa(MESSAGES.remoteMediaPrivate));
    }
    expect(hits.get('/photo.jpg') ?? 0).toBe(before);
  });
});
