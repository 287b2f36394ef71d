import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { FULL_OPTIONS } from '../../src/scanner/reader-options.ts';
import { type Harness, startServer } from './harness.ts';

// The printable demo plates must really scan: each plate's SVG is rendered to pixels and read
// with the same decoder and options the app's full-effort frames use.

let h: Harness;

beforeAll(async () => {
  const wasm = readFileSync(path.resolve('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm'));
  prepareZXingModule({
    overrides: {
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer,
    },
  });
  h = await startServer();
});
afterAll(() => h.stop());

async function decodeSvg(svg: string): Promise<string | undefined> {
  const { data, info } = await sharp(Buffer.from(svg), { density: 150 })
    .flatten({ background: '#808080' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const image = {
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
  };
  const [hit] = await readBarcodes(image as ImageData, FULL_OPTIONS);
  return hit?.text;
}

describe('demo plates', () => {
  it('renders plates whose QR codes decode to Digital Link URIs of this server, in both colourings', async () => {
    const res = await h.get('/demo/plates');
    expect(res.status).toBe(200);
    const html = await res.text();
    const plates = [...html.matchAll(/<figure class="plate plate--(light|dark)">\s*(<svg[\s\S]*?<\/svg>)/g)];
    const colourings = new Set(plates.map((m) => m[1]));
    expect(colourings).toEqual(new Set(['light', 'dark']));
    for (const [, colouring, svg] of plates) {
      expect(await decodeSvg(svg!), `${colouring} plate`).toMatch(new RegExp(`^${h.url}/414/626\\d{10}$`));
    }
  });

  it('answers each plate with the shop page of a registered location', async () => {
    const html = await (await h.get('/demo/plates')).text();
    const first = html.match(/<svg[\s\S]*?<\/svg>/)?.[0] ?? '';
    const uri = await decodeSvg(first);
    const redirect = await fetch(uri!, { redirect: 'manual' });
    expect(redirect.status).toBe(307);
    const gln = uri!.split('/').pop()!;
    expect(redirect.headers.get('location')).toMatch(new RegExp(`/place/${gln}$`));
    const record = await h.get(`/api/v1/locations/${gln}`);
    expect(record.status).toBe(200);
  });
});
