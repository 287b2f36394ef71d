import { type ReadResult, readBarcodes } from 'zxing-wasm/reader';
import { busyRegions, enlarge, grayOf, type Rgba, thresholdLocally } from './enhance.ts';
import type { Effort } from './messages.ts';
import { DEEP_OPTIONS } from './reader-options.ts';

// The deep pass for small, blurred codes (why: src/scanner/enhance.ts). Shared by the worker and
// tests/bench/decode.ts, which measured every number here on ../shared/qr-samples.

export type DeepEffort = Extract<Effort, `deep-${string}`>;

/**
 * Window sizes in source pixels. `radius`: the threshold is the mean of a (2r+1)-square, about
 * one and a half modules of a 3-px code; `smooth`: each pixel is first averaged over a small
 * square, which keeps sensor noise from breaking the finder patterns' rings. The fine window reads
 * the blurred plates, the smoothing one the noisy ones; neither reads all of them.
 */
export const DEEP_WINDOWS: Record<DeepEffort, { radius: number; smooth: number }> = {
  'deep-fine': { radius: 2, smooth: 0.67 },
  'deep-smooth': { radius: 3, smooth: 1 },
};

/** Modules of 3 px become 9 px, which zxing's sampler hits in their middle. */
const ENLARGE = 3;
/** A busier patch than this is background texture or a code big enough for the other passes. */
const MAX_REGION_SIDE = 320;
/** Two candidate regions at most: each costs one decode of up to 960x960 pixels. */
const MAX_REGIONS = 2;

export function isDeep(effort: Effort): effort is DeepEffort {
  return effort in DEEP_WINDOWS;
}

/** zxing's results for the first candidate region that yields a valid symbol, or none. */
export async function readDeep(img: Rgba, effort: DeepEffort): Promise<ReadResult[]> {
  const { radius, smooth } = DEEP_WINDOWS[effort];
  const gray = grayOf(img);
  for (const box of busyRegions(gray, MAX_REGIONS, MAX_REGION_SIDE)) {
    const big = enlarge(gray, box, ENLARGE);
    const bw = thresholdLocally(big, Math.round(radius * ENLARGE), Math.round(smooth * ENLARGE));
    const results = await readBarcodes(bw as ImageData, DEEP_OPTIONS);
    if (results.some((r) => r.isValid)) return results;
  }
  return [];
}
