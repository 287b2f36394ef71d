/// <reference lib="webworker" />
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
// Served from our own origin and precached with the app, always the build that matches the JS.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { aimRegion } from '../aim-region.ts';
import { hitFromResult } from '../decode-hit.ts';
import { isDeep, readDeep } from '../deep-pass.ts';
import type { Box } from '../enhance.ts';
import type { DecodeHit, Effort, FromWorker, ToWorker } from '../messages.ts';
import { photoScales } from '../photo-scales.ts';
import { FAST_OPTIONS, FULL_OPTIONS } from '../reader-options.ts';

declare const self: DedicatedWorkerGlobalScope;

// One overrides object: zxing-wasm compares it shallowly and would instantiate the module again
// for a different one.
const overrides = {
  locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
};
prepareZXingModule({ overrides });

/**
 * One canvas per size drawn at: fast frames (the aiming square) and thorough ones (the whole
 * frame) alternate, and making a canvas again for each would cost more than keeping both.
 */
const contexts = new Map<string, OffscreenCanvasRenderingContext2D>();

/** Draws a bitmap (or the part `from` of it), scaled, into a reused canvas and returns its pixels. */
function pixelsOf(bitmap: ImageBitmap, width = bitmap.width, height = bitmap.height, from?: Box): ImageData {
  const key = `${width}x${height}`;
  let ctx = contexts.get(key);
  if (!ctx) {
    // Still photos come in any size: keep only the latest few.
    if (contexts.size >= 4) contexts.clear();
    // Read back every frame: keep the canvas in CPU memory instead of round-tripping the GPU.
    const made = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (!made) throw new Error('2d context unavailable');
    ctx = made;
    contexts.set(key, ctx);
  }
  if (from) ctx.drawImage(bitmap, from.x, from.y, from.width, from.height, 0, 0, width, height);
  else ctx.drawImage(bitmap, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height);
}

async function decodeFrame(bitmap: ImageBitmap, effort: Effort): Promise<DecodeHit | null> {
  try {
    if (effort === 'fast') {
      // Fast frames read where the shopper aims (src/scanner/aim-region.ts).
      const aim = aimRegion(bitmap.width, bitmap.height);
      return firstHit(await readBarcodes(pixelsOf(bitmap, aim.width, aim.height, aim), FAST_OPTIONS));
    }
    const pixels = pixelsOf(bitmap);
    return firstHit(
      isDeep(effort) ? await readDeep(pixels, effort) : await readBarcodes(pixels, FULL_OPTIONS),
    );
  } finally {
    bitmap.close();
  }
}

/**
 * A phone photo is often 12 MP: try a camera-like size first, then finer and coarser ones, then
 * the deep passes on the camera-like size (a small plate in a wide shot).
 */
async function decodeImage(image: Blob): Promise<DecodeHit | null> {
  const bitmap = await createImageBitmap(image);
  try {
    const scales = photoScales(bitmap.width, bitmap.height);
    for (const { width, height } of scales) {
      const hit = firstHit(await readBarcodes(pixelsOf(bitmap, width, height), FULL_OPTIONS));
      if (hit) return hit;
    }
    const first = scales[0]!;
    for (const effort of ['deep-fine', 'deep-smooth'] as const) {
      const hit = firstHit(await readDeep(pixelsOf(bitmap, first.width, first.height), effort));
      if (hit) return hit;
    }
    return null;
  } finally {
    bitmap.close();
  }
}

function firstHit(results: Awaited<ReturnType<typeof readBarcodes>>): DecodeHit | null {
  for (const result of results) {
    const hit = hitFromResult(result);
    if (hit) return hit;
  }
  return null;
}

const post = (msg: FromWorker) => self.postMessage(msg);

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  if (msg.type === 'warm-up') {
    await prepareZXingModule({ overrides, fireImmediately: true }).catch(() => undefined);
    post({ type: 'ready' });
    return;
  }
  const t0 = performance.now();
  try {
    const hit =
      msg.type === 'decode-frame' ? await decodeFrame(msg.bitmap, msg.effort) : await decodeImage(msg.image);
    post({ type: 'decoded', id: msg.id, hit, ms: performance.now() - t0 });
  } catch (error) {
    post({ type: 'failed', id: msg.id, reason: error instanceof Error ? error.message : String(error) });
  }
};
