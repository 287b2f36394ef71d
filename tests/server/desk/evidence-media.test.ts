import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_QUEUE_API, DeskComplaintSchema, MediaUploadResultSchema } from '../../../src/api/index.ts';
import { phoneVideo, voiceNote } from '../../clips.ts';
import { expectPersianError, fileOverpricing, type Harness, startServer } from '../harness.ts';
import { UNION_A, uploadPhoto } from './fixtures.ts';
import { type DeskAgent, signedIn } from './session.ts';

// A complaint's voice note and video reach the desk as the photos do: through the desk's own
// address for that complaint, behind the session. Whoever works on the complaint plays them (its
// union's clerk, its county's inspector); a clerk of another union, another county's inspector
// and a caller with no session get nothing, answered as an unknown file.

let h: Harness;
let clerk: DeskAgent;
let otherUnion: DeskAgent;
let otherCity: DeskAgent;
let inspector: DeskAgent;
let otherInspector: DeskAgent;

beforeAll(async () => {
  h = await startServer();
  [clerk, otherUnion, otherCity, inspector, otherInspector] = await Promise.all([
    signedIn(h, 'clerk', UNION_A),
    signedIn(h, 'clerk', 'union-4771-tehran'),
    signedIn(h, 'clerk', 'union-4711-shiraz'),
    signedIn(h, 'inspector', 'chamber-tehran'),
    signedIn(h, 'inspector', 'chamber-shiraz'),
  ]);
});
afterAll(() => h?.stop());

async function uploadClip(bytes: Buffer, type: string): Promise<string> {
  const res = await fetch(`${h.url}/api/v1/media`, {
    method: 'POST',
    headers: { 'Content-Type': type, 'X-Install-Token': h.installToken },
    body: new Uint8Array(bytes),
  });
  expect(res.status).toBe(201);
  return MediaUploadResultSchema.parse(await res.json()).url;
}

/** The desk's address for a file, as a path (the detail names it absolute). */
const pathOf = (url: string) => new URL(url).pathname;

describe("a complaint's clips at the desk", () => {
  let id: string;
  let stored: string[];
  let deskUrls: string[];

  beforeAll(async () => {
    stored = [
      await uploadPhoto(h, 40),
      await uploadClip(voiceNote(2), 'audio/ogg'),
      await uploadClip(phoneVideo(2), 'video/quicktime'),
    ];
    ({ service_request_id: id } = await fileOverpricing(h, { media_urls: stored }));
    const detail = DeskComplaintSchema.parse(await (await clerk.get(DESK_QUEUE_API.complaint(id))).json());
    deskUrls = detail.media_urls.map(pathOf);
  }, 120_000);

  it("names each file at the desk's own address for the complaint", () => {
    expect(deskUrls).toEqual(stored.map((u) => DESK_QUEUE_API.media(id, u.split('/').pop()!)));
    expect(deskUrls.map((u) => u.split('.').pop())).toEqual(['png', 'm4a', 'mp4']);
  });

  it("plays them for the union's clerk, with the stored bytes and a type the browser's players take", async () => {
    for (const [n, type] of [
      [1, 'audio/mp4'],
      [2, 'video/mp4'],
    ] as const) {
      const res = await clerk.get(deskUrls[n]!);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('cache-control')).toMatch(/^private/);
      const original = Buffer.from(await (await h.get(stored[n]!)).arrayBuffer());
      expect(Buffer.from(await res.arrayBuffer()).equals(original)).toBe(true);
    }
  });

  it("gives them to the county's inspector too", async () => {
    expect((await inspector.get(deskUrls[2]!)).status).toBe(200);
  });

  it('answers a clerk of another union, or of another city, as an unknown file', async () => {
    for (const agent of [otherUnion, otherCity, otherInspector])
      for (const url of deskUrls) await expectPersianError(await agent.get(url), 404, 'not-found');
  });

  it('refuses a caller with no session', async () => {
    expect((await h.get(deskUrls[1]!)).status).toBe(401);
  });

  it("never serves, through one's own complaint, a file that complaint does not name", async () => {
    const { service_request_id: own } = await fileOverpricing(h);
    const foreign = stored[2]!.split('/').pop()!;
    await expectPersianError(await clerk.get(DESK_QUEUE_API.media(own, foreign)), 404, 'not-found');
  });
});
