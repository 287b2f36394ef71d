import { readFileSync } from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { aimRegion, cropRgba } from '../../../src/scanner/aim-region.ts';
import { readDeep } from '../../../src/scanner/deep-pass.ts';
import { busyRegions, enlarge, type Gray, grayOf, thresholdLocally } from '../../../src/scanner/enhance.ts';
import { FULL_OPTIONS } from '../../../src/scanner/reader-options.ts';

// The deep pass against the real decoder (zxing-wasm in Node): a small plate far from the camera,
// out of focus, is the case it exists for.

beforeAll(() => {
  const wasm = readFileSync(path.resolve('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm'));
  prepareZXingModule({
    overrides: {
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer,
    },
  });
});

const PLATE = 'https://qr.gs1-ir.org/414/6262756925820';
const W = 640;
const H = 480;

/** A deterministic noise source (a linear congruential generator). */
function noise(seed: number) {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

/** A QR code of `module` px a module on a flat grey frame at (ox, oy), dark on light or inverted. */
function plateFrame(opts: { module: number; ox: number; oy: number; inverted?: boolean }): Buffer {
  const qr = QRCode.create(PLATE, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const g = Buffer.alloc(W * H, 110);
  const [dark, light] = opts.inverted ? [178, 78] : [78, 178];
  const quiet = 4 * opts.module;
  for (let y = -quiet; y < n * opts.module + quiet; y++) {
    for (let x = -quiet; x < n * opts.module + quiet; x++) {
      const mx = Math.floor(x / opts.module);
      const my = Math.floor(y / opts.module);
      const on = mx >= 0 && my >= 0 && mx < n && my < n && qr.modules.get(my, mx);
      g[(opts.oy + y) * W + opts.ox + x] = on ? dark : light;
    }
  }
  return g;
}

async function rgbaOf(gray: Buffer, blur: number) {
  const { data } = await sharp(gray, { raw: { width: W, height: H, channels: 1 } })
    .blur(blur)
    .toColourspace('srgb')
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width: W, height: H };
}

describe('deep pass', () => {
  it('reads a small blurred plate that zxing with every option on does not find', async () => {
    // 3-px modules under a blur of sigma 1.8: the commonest miss in gs1-plates-dev (4, 12, 26, 32, 43, 45).
    const frame = await rgbaOf(plateFrame({ module: 3, ox: 380, oy: 230 }), 1.8);
    expect(await readBarcodes(frame as ImageData, FULL_OPTIONS)).toEqual([]);
    const [fine] = await readDeep(frame, 'deep-fine');
    expect(fine?.text).toBe(PLATE);
    const [smooth] = await readDeep(frame, 'deep-smooth');
    expect(smooth?.text).toBe(PLATE);
  });

  it('reads the same plate white on black, and says it was inverted', async () => {
    const frame = await rgbaOf(plateFrame({ module: 3, ox: 40, oy: 60, inverted: true }), 1.8);
    const [hit] = await readDeep(frame, 'deep-fine');
    expect(hit).toMatchObject({ text: PLATE, isInverted: true });
  });

  it('reads nothing in a frame of noise with no code in it', async () => {
    const rand = noise(7);
    const gray = Buffer.alloc(W * H);
    for (let i = 0; i < gray.length; i++) gray[i] = 128 + Math.round(rand() * 120);
    const frame = await rgbaOf(gray, 0.6);
    for (const effort of ['deep-fine', 'deep-smooth'] as const)
      expect(await readDeep(frame, effort)).toEqual([]);
  });
});

describe('busy regions', () => {
  it('finds a small code on a flat frame, with a margin for its quiet zone', async () => {
    const gray = grayOf(await rgbaOf(plateFrame({ module: 3, ox: 400, oy: 100 }), 1));
    const [box, ...rest] = busyRegions(gray);
    expect(rest).toEqual([]);
    // The code spans 400..499 x 100..199 (33 modules of 3 px).
    expect(box!.x).toBeLessThanOrEqual(400 - 8);
    expect(box!.y).toBeLessThanOrEqual(100 - 8);
    expect(box!.x + box!.width).toBeGreaterThanOrEqual(499 + 8);
    expect(box!.y + box!.height).toBeGreaterThanOrEqual(199 + 8);
    // No more than the code, its quiet zone (12 px) and a cell (16 px) of margin each side.
    expect(box!.width).toBeLessThanOrEqual(100 + 2 * (12 + 16 + 16));
  });

  it('finds nothing on a flat frame, and leaves out patches wider than asked', async () => {
    expect(busyRegions({ data: new Uint8Array(W * H).fill(90), width: W, height: H })).toEqual([]);
    const gray = grayOf(await rgbaOf(plateFrame({ module: 3, ox: 400, oy: 100 }), 1));
    expect(busyRegions(gray, 2, 64)).toEqual([]);
  });
});

describe('thresholdLocally', () => {
  it('separates a dark mark from a bright one under light that falls off across the frame', () => {
    // A ramp from 40 to 240 with one darker dot on the bright side and one brighter dot on the
    // dark side: no single threshold gets both right, a local one does.
    const w = 64;
    const img: Gray = { data: new Uint8Array(w * 8), width: w, height: 8 };
    for (let y = 0; y < 8; y++)
      for (let x = 0; x < w; x++) img.data[y * w + x] = 40 + Math.round((200 * x) / (w - 1));
    img.data[4 * w + 56]! -= 30;
    img.data[4 * w + 8]! += 30;
    const out = thresholdLocally(img, 3);
    const at = (x: number, y: number) => out.data[(y * w + x) * 4];
    expect(at(56, 4)).toBe(0);
    expect(at(8, 4)).toBe(255);
    expect(out.data[(4 * w + 56) * 4 + 3]).toBe(255);
  });
});

describe('enlarge', () => {
  it('makes each source pixel k x k output pixels, keeping flat areas flat and edges in place', () => {
    const img: Gray = { data: new Uint8Array([0, 0, 200, 200, 0, 0, 200, 200]), width: 4, height: 2 };
    const big = enlarge(img, { x: 0, y: 0, width: 4, height: 2 }, 3);
    expect([big.width, big.height]).toEqual([12, 6]);
    const row = [...big.data.subarray(0, 12)];
    expect(row.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(row.slice(8)).toEqual([200, 200, 200, 200]);
    // The edge falls between source columns 1 and 2, output columns 5 and 6.
    expect(row[5]!).toBeLessThan(100);
    expect(row[6]!).toBeGreaterThan(100);
  });
});

describe('aim region', () => {
  it('is the centred square a landscape frame is tall, or a portrait frame wide', () => {
    expect(aimRegion(1280, 720)).toEqual({ x: 280, y: 0, width: 720, height: 720 });
    expect(aimRegion(720, 1280)).toEqual({ x: 0, y: 280, width: 720, height: 720 });
  });

  it('copies out exactly the pixels of the square', () => {
    const img = { data: new Uint8ClampedArray(4 * 3 * 4), width: 4, height: 3 };
    for (let i = 0; i < 12; i++) img.data[i * 4] = i;
    const sq = cropRgba(img, aimRegion(4, 3));
    expect([sq.width, sq.height]).toEqual([3, 3]);
    expect([...sq.data].filter((_, i) => i % 4 === 0)).toEqual([0, 1, 2, 4, 5, 6, 8, 9, 10]);
  });
});
