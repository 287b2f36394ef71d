import type { ReaderOptions } from 'zxing-wasm/reader';
import type { Effort } from './messages.ts';

// The decoder settings the app runs with; tests/bench/decode.ts imports the same objects, so the
// benchmark measures exactly what ships.

/**
 * What a shopper points the camera at: the shop's plate (QR) and the product in their hand. Each
 * keeps its symbology identifier in the result: `]Q1`/`]Q3` QR, `]d2` GS1 DataMatrix (medicines),
 * `]E0` EAN-13 (UPC-A and UPC-E come as their 13-digit EAN-13 form), `]E4` EAN-8, `]C1` GS1-128,
 * `]e0` GS1 DataBar, expanded and stacked included (fresh food).
 */
export const FORMATS: NonNullable<ReaderOptions['formats']> = [
  'QRCode',
  'DataMatrix',
  'EAN13',
  'EAN8',
  'UPCA',
  'UPCE',
  'Code128',
  'DataBar',
  'DataBarExp',
  'DataBarLtd',
];

const common: ReaderOptions = {
  formats: FORMATS,
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

/**
 * The deep pass (src/scanner/deep-pass.ts) hands zxing a black-and-white enlargement of the busy
 * part of the frame, already thresholded: zxing's own binariser is told to keep it as it is.
 * Only the 2D codes: the small blurred plates it is for are QR codes, and a thresholded
 * enlargement of shelf clutter must not become a linear barcode.
 */
export const DEEP_OPTIONS: ReaderOptions = {
  ...FULL_OPTIONS,
  formats: ['QRCode', 'DataMatrix'],
  binarizer: 'FixedThreshold',
};

/** One frame in this many is a thorough one; the others are fast. */
export const FULL_EFFORT_EVERY = 4;

/**
 * The thorough frames take turns: the full effort, then a deep pass with a fine window, the full
 * effort again, then a deep pass with a smoothing one. A still plate gets every pass within 16 frames.
 */
const THOROUGH: readonly Effort[] = ['full', 'deep-fine', 'full', 'deep-smooth'];

/** Frame 0, 1, 2 fast, frame 3 full, ..., frame 7 deep: the first look is cheap, the fourth is thorough. */
export function effortForFrame(index: number, every = FULL_EFFORT_EVERY): Effort {
  if (index % every !== every - 1) return 'fast';
  return THOROUGH[Math.floor(index / every) % THOROUGH.length]!;
}

/** Every effort a still scene gets, in the order the frame loop gives them. */
export const EFFORT_CYCLE: readonly Effort[] = ['fast', ...THOROUGH];
