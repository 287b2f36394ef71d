// The deep pass: what the decoder cannot do by itself for a small, blurred plate. Measured on
// ../shared/qr-samples/gs1-plates-dev, the codes zxing misses with every option on are small
// (modules of about 3 px) and blurred: its own binariser averages over 8x8 blocks and washes out
// the one-module rings of the finder patterns, so it never finds the code at all. Here the busy
// part of the frame is found, enlarged, and thresholded against a window about one module wide,
// which keeps those rings; zxing then reads an already black-and-white image.
//
// Pure functions over grey pixels, shared by the worker and the benchmark.

export type Gray = { data: Uint8Array; width: number; height: number };
export type Box = { x: number; y: number; width: number; height: number };
/** What zxing-wasm reads: RGBA pixels (an ImageData or its shape). */
export type Rgba = { data: Uint8ClampedArray; width: number; height: number };

/** Luma (BT.601 weights, integer arithmetic) of RGBA pixels. */
export function grayOf(img: Rgba): Gray {
  const n = img.width * img.height;
  const out = new Uint8Array(n);
  const d = img.data;
  for (let i = 0, p = 0; i < n; i++, p += 4) out[i] = (d[p]! * 306 + d[p + 1]! * 601 + d[p + 2]! * 117) >> 10;
  return { data: out, width: img.width, height: img.height };
}

// Cells of 16 px, each scored by the spread of its 4x4-pixel block means: averaging the blocks
// first keeps sensor noise (speckle of a pixel or two) from scoring like the modules of a code.
const CELL = 16;
const SUB = 4;
/** A cell is busy when its spread reaches this much of the frame's busiest cell, and at least MIN_SPREAD. */
const BUSY_SHARE = 0.35;
const MIN_SPREAD = 24;
/** Fewer busy cells than this in one patch is an edge or a speck, not a code worth enlarging. */
const MIN_CELLS = 6;

/**
 * Up to `max` rectangles of the frame that look like a code (solid patches of busy cells), the
 * biggest first, each with one cell of margin for the quiet zone, none wider or taller than
 * `maxSide`. A plate's outline scores too, but as a thin ring of cells, so it loses to the code
 * it frames.
 */
export function busyRegions(img: Gray, max = 2, maxSide = Number.POSITIVE_INFINITY): Box[] {
  const cw = Math.floor(img.width / CELL);
  const ch = Math.floor(img.height / CELL);
  const spread = new Float32Array(cw * ch);
  let top = 0;
  const d = img.data;
  const w = img.width;
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      let lo = 255 * SUB * SUB;
      let hi = 0;
      for (let sy = 0; sy < CELL; sy += SUB) {
        for (let sx = 0; sx < CELL; sx += SUB) {
          let sum = 0;
          for (let y = 0; y < SUB; y++) {
            const row = (cy * CELL + sy + y) * w + cx * CELL + sx;
            sum += d[row]! + d[row + 1]! + d[row + 2]! + d[row + 3]!;
          }
          if (sum < lo) lo = sum;
          if (sum > hi) hi = sum;
        }
      }
      const s = (hi - lo) / (SUB * SUB);
      spread[cy * cw + cx] = s;
      if (s > top) top = s;
    }
  }
  const threshold = Math.max(MIN_SPREAD, top * BUSY_SHARE);
  // Patches of busy cells (4-connected), by flood fill.
  const label = new Int32Array(cw * ch).fill(-1);
  const patches: { count: number; x0: number; y0: number; x1: number; y1: number }[] = [];
  const stack: number[] = [];
  for (let i = 0; i < spread.length; i++) {
    if (label[i] !== -1 || spread[i]! < threshold) continue;
    const patch = { count: 0, x0: cw, y0: ch, x1: -1, y1: -1 };
    label[i] = patches.length;
    stack.push(i);
    while (stack.length) {
      const j = stack.pop()!;
      const x = j % cw;
      const y = (j - x) / cw;
      patch.count++;
      if (x < patch.x0) patch.x0 = x;
      if (x > patch.x1) patch.x1 = x;
      if (y < patch.y0) patch.y0 = y;
      if (y > patch.y1) patch.y1 = y;
      for (const k of [
        x > 0 ? j - 1 : -1,
        x < cw - 1 ? j + 1 : -1,
        y > 0 ? j - cw : -1,
        y < ch - 1 ? j + cw : -1,
      ]) {
        if (k >= 0 && label[k] === -1 && spread[k]! >= threshold) {
          label[k] = patches.length;
          stack.push(k);
        }
      }
    }
    patches.push(patch);
  }
  return patches
    .filter((p) => p.count >= MIN_CELLS)
    .sort((a, b) => b.count - a.count)
    .map((p) => {
      const x = Math.max(0, (p.x0 - 1) * CELL);
      const y = Math.max(0, (p.y0 - 1) * CELL);
      return {
        x,
        y,
        width: Math.min(img.width, (p.x1 + 2) * CELL) - x,
        height: Math.min(img.height, (p.y1 + 2) * CELL) - y,
      };
    })
    .filter((box) => box.width <= maxSide && box.height <= maxSide)
    .slice(0, max);
}

/** The box enlarged k times, bilinear (fixed point), so a 3-px module spans 9 px. */
export function enlarge(img: Gray, box: Box, k: number): Gray {
  const W = box.width * k;
  const H = box.height * k;
  const out = new Uint8Array(W * H);
  const src = img.data;
  const sw = img.width;
  const xMax = img.width - 1;
  const yMax = img.height - 1;
  // Source x of each output column, and its weight in 1/256ths, computed once.
  const x0s = new Int32Array(W);
  const fxs = new Int32Array(W);
  for (let x = 0; x < W; x++) {
    const sx = Math.min(xMax, Math.max(0, box.x + (x + 0.5) / k - 0.5));
    x0s[x] = Math.min(xMax - 1, Math.floor(sx));
    fxs[x] = Math.round((sx - x0s[x]!) * 256);
  }
  for (let y = 0; y < H; y++) {
    const sy = Math.min(yMax, Math.max(0, box.y + (y + 0.5) / k - 0.5));
    const y0 = Math.min(yMax - 1, Math.floor(sy));
    const fy = Math.round((sy - y0) * 256);
    const r0 = y0 * sw;
    const r1 = r0 + sw;
    const o = y * W;
    for (let x = 0; x < W; x++) {
      const a = x0s[x]!;
      const fx = fxs[x]!;
      const top = src[r0 + a]! * (256 - fx) + src[r0 + a + 1]! * fx;
      const bottom = src[r1 + a]! * (256 - fx) + src[r1 + a + 1]! * fx;
      out[o + x] = (top * (256 - fy) + bottom * fy + 32768) >> 16;
    }
  }
  return { data: out, width: W, height: H };
}

/**
 * Black where a pixel is darker than the mean of the (2r+1)-square around it, white elsewhere,
 * as RGBA for zxing (which then needs no binariser of its own: 'FixedThreshold').
 */
export function thresholdLocally(img: Gray, r: number, s = 0): Rgba {
  const { width: W, height: H, data } = img;
  // Summed-area table, one row and column of zeros in front; 255 x 2 MP fits an Int32.
  const S = new Int32Array((W + 1) * (H + 1));
  for (let y = 0; y < H; y++) {
    let run = 0;
    const o = (y + 1) * (W + 1);
    const p = y * (W + 1);
    for (let x = 0; x < W; x++) {
      run += data[y * W + x]!;
      S[o + x + 1] = S[p + x + 1]! + run;
    }
  }
  const out = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) {
    const ya = Math.max(0, y - r);
    const yb = Math.min(H, y + r + 1);
    const ra = ya * (W + 1);
    const rb = yb * (W + 1);
    for (let x = 0; x < W; x++) {
      const xa = Math.max(0, x - r);
      const xb = Math.min(W, x + r + 1);
      const sum = S[rb + xb]! - S[ra + xb]! - S[rb + xa]! + S[ra + xa]!;
      let v: number;
      if (s === 0) v = data[y * W + x]! * (xb - xa) * (yb - ya) > sum ? 255 : 0;
      else {
        const xc = Math.max(0, x - s);
        const xd = Math.min(W, x + s + 1);
        const yc = Math.max(0, y - s) * (W + 1);
        const yd = Math.min(H, y + s + 1) * (W + 1);
        const inner = S[yd + xd]! - S[yc + xd]! - S[yd + xc]! + S[yc + xc]!;
        v = inner * (xb - xa) * (yb - ya) > sum * (xd - xc) * ((yd - yc) / (W + 1)) ? 255 : 0;
      }
      const q = (y * W + x) * 4;
      out[q] = v;
      out[q + 1] = v;
      out[q + 2] = v;
      out[q + 3] = 255;
    }
  }
  return { data: out, width: W, height: H };
}
