import type { ReaderOptions } from 'zxing-wasm/reader';
import type { Effort } from './messages.ts';

// The decoder settings the app runs with; tests/bench/decode.ts imports the same objects, so the
// benchmark measures exactly what ships.

const common: ReaderOptions = {
  formats: ['QRCode'],
  maxNumberOfSymbols: 1,
  // 'Plain' keeps the GS separators of a GS1 element string; the default 'HRI' would rewrite
  // them as "(414)...(254)..." which is a display form, not what a scanner transmits.
  textMode: 'Plain',
};

/** Most frames: upright, dark-on-light, one pass. */
export const FAST_OPTIONS: ReaderOptions = {
  ...common,
  tryHarder: false,
  tryRotate: false,
  tryInvert: false,
  tryDownscale: false,
};

/** Every Nth frame and every still photo: inverted plates, rotation, small or blurry codes. */
export const FULL_OPTIONS: ReaderOptions = {
  ...common,
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  // Measured on ../shared/qr-samples: denoising reads one more photo (zxing-qrcode-2/28) and
  // costs time only on the frames that get the full effort.
  tryDenoise: true,
};

/** One frame in this many gets the full effort. */
export const FULL_EFFORT_EVERY = 4;

/** Frame 0, 1, 2 fast, frame 3 full, and so on: the first look is cheap, the fourth is thorough. */
export function effortForFrame(index: number, every = FULL_EFFORT_EVERY): Effort {
  return index % every === every - 1 ? 'full' : 'fast';
}

export function optionsFor(effort: Effort): ReaderOptions {
  return effort === 'full' ? FULL_OPTIONS : FAST_OPTIONS;
}
