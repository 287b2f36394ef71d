import sharp from 'sharp';
import { MediaUploadResultSchema } from '../../../src/api/index.ts';
import { withCheckDigit } from '../../../src/server/gln.ts';
import { FIRST_GLN, type Harness } from '../harness.ts';

// Complaints filed through the real service for the desk's tests: one union's (the first demo
// shop's, a Tehran supermarket) and another union's (a shop of another guild in the same county).

export const UNION_A = 'union-4711-tehran';

export async function uploadPhoto(h: Harness, shade: number): Promise<string> {
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

/** A shop in the first shop's county whose complaints go to another union, and that union. */
export async function otherUnionShop(h: Harness): Promise<{ gln: string; agencyId: string }> {
  const first = (await h.deps.store.locationSummary(FIRST_GLN))!;
  for (let i = 1; i < 3000; i++) {
    const gln = withCheckDigit(`626${String(i).padStart(9, '0')}`);
    const s = await h.deps.store.locationSummary(gln);
    if (s && s.guildCode !== first.guildCode && s.county === first.county) {
      const res = await h.post('/open311/v2/requests.json', {
        service_code: 'no_invoice',
        address_id: gln,
        description: 'probe',
      });
      const [created] = (await res.json()) as { service_request_id: string }[];
      const req = (await h.deps.store.request(created!.service_request_id))!;
      if (req.agencyId !== UNION_A) return { gln, agencyId: req.agencyId };
    }
  }
  throw new Error('no shop of another union');
}

export async function file(
  h: Harness,
  body: Record<string, unknown>,
): Promise<{ id: string; token: string }> {
  const res = await h.post('/open311/v2/requests.json', { address_id: FIRST_GLN, ...body });
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${await res.text()}`);
  const [created] = (await res.json()) as { service_request_id: string; access_token: string }[];
  return { id: created!.service_request_id, token: created!.access_token };
}
