/// <reference lib="webworker" />
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
// Served from our own origin and precached with the app, always the build that matches the JS.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { hitFromResult } from '../decode-hit.ts';
import type { DecodeHit, Effort, FromWorker, ToWorker } from '../messages.ts';
import { photoScales } from '../photo-scales.ts';
import { FULL_OPTIONS, optionsFor } from '../reader-options.ts';

declare const self: DedicatedWorkerGlobalScope;

// One overrides object: zxing-wasm compares it shallowly and would instantiate the module again
// for a different one.
const overrides = {
  locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
};
prepareZXingModule({ overrides });

let canvas: OffscreenCanvas | null = null;
let ctx: OffscreenCanvasRenderingContext2D | null = null;

/** Draws a bitmap, scaled, into one reused canvas and returns its pixels. */
function pixelsOf(bitmap: ImageBitmap, width = bitmap.width, height = bitmap.height): ImageData {
  if (!canvas || canvas.width !== width || canvas.height !== height) {
    canvas = new OffscreenCanvas(width, height);
    // Read back every frame: keep the canvas in CPU memory instead of round-tripping the GPU.
    ctx = canvas.getContext('2d', { willReadFrequently: true });
  }
  if (!ctx) throw new Error('2d context unavailable');
  ctx.drawImage(bitmap, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height);
}

async function decodeFrame(bitmap: ImageBitmap, effort: Effort): Promise<DecodeHit | null> {
  try {
    const results = await readBarcodes(pixelsOf(bitmap), optionsFor(effort));
    return firstHit(results);
  } finally {
    bitmap.close();
  }
}

/** A phone photo is often 12 MP: try a camera-like size first, then finer and coarser ones. */
async function decodeImage(image: Blob): Promise<DecodeHit | null> {
  const bitmap = await createImageBitmap(image);
  try {
    for (const { width, height } of photoScales(bitmap.width, bitmap.height)) {
      const hit = firstHit(await readBarcodes(pixelsOf(bitmap, width, height), FULL_OPTIONS));
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
