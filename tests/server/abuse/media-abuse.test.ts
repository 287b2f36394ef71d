import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaUploadResultSchema } from '../../../src/api/index.ts';
import { collectOrphanMedia, MEDIA_GRACE_MS } from '../../../src/server/media/orphans.ts';
import { expectPersianError, fileOverpricing, type Harness, startServer } from '../harness.ts';

// Issue 11, point 6: photo uploads needed nothing and were never deleted, even when no
// complaint used them. Uploads now need an install token, are capped per install and per day,
// and photos no complaint names are collected after a grace period.

let h: Harness;
let clock = Date.now();
beforeAll(async () => {
  h = await startServer({
    now: () => new Date(clock),
    limits: { daily: { uploadsPerInstall: 3, uploadsPerDay: 5 } },
  });
});
afterAll(() => h.stop());

let shade = 0;
const png = async () =>
  new Uint8Array(
    await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: ++shade, g: 0, b: 0 } } })
      .png()
      .toBuffer(),
  );
const upload = async (headers: Record<string, string>) =>
  fetch(`${h.url}/api/v1/media`, {
    method: 'POST',
    headers: { 'Content-Type': 'image/png', ...headers },
    body: await png(),
  });

describe('uploading a photo', () => {
  it('needs an install token', async () => {
    await expectPersianError(await upload({}), 401, 'install-required');
  });

  it('is capped per install per day, and for everyone per day', async () => {
    const one = { 'X-Install-Token': await h.install() };
    const mine = [];
    for (let i = 0; i < 4; i++) mine.push((await upload(one)).status);
    expect(mine).toEqual([201, 201, 201, 429]);
    const other = { 'X-Install-Token': await h.install() };
    expect((await upload(other)).status).toBe(201);
    expect((await upload(other)).status).toBe(201);
    // Five today in all: a third install is refused too.
    await expectPersianError(await upload({ 'X-Install-Token': await h.install() }), 429, 'quota-exceeded');
    // Tomorrow the quotas start again.
    clock += 86_400_000;
    expect((await upload(one)).status).toBe(201);
  });
});

describe('photos no complaint uses', () => {
  it('are removed after the grace period; used and recent ones stay', async () => {
    clock += 2 * 86_400_000; // a fresh day for the quotas
    const me = { 'X-Install-Token': h.installToken };
    const orphan = MediaUploadResultSchema.parse(await (await upload(me)).json());
    const used = MediaUploadResultSchema.parse(await (await upload(me)).json());
    await fileOverpricing(h, { media_url: used.url });
    // Both stored longer ago than the grace period by the service's clock; the third just now.
    clock += MEDIA_GRACE_MS + 60_000;
    const recent = MediaUploadResultSchema.parse(await (await upload(me)).json());
    const held = (u: { url: string }) => h.deps.media.has(u.url.split('/').pop()!);
    const removed = await collectOrphanMedia(h.deps);
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await held(orphan)).toBe(false);
    expect(await held(used)).toBe(true);
    expect(await held(recent)).toBe(true);
    expect((await h.get(used.url)).status).toBe(200);
    expect((await h.get(orphan.url)).status).toBe(404);
  });
});
