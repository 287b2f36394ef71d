// Every message between the scan page and the decoder worker. Both sides import this file, so a
// change to the protocol is one edit and the compiler checks both ends.

/**
 * Fast frames keep the common case cheap; a full-effort frame now and then reads the awkward
 * codes, and a deep pass (src/scanner/deep-pass.ts) the small blurred ones zxing cannot find.
 */
export type Effort = 'fast' | 'full' | 'deep-fine' | 'deep-smooth';

/** A decoded symbol as the app needs it: text that keeps what the GS1 parser relies on. */
export type DecodeHit = {
  /**
   * The symbology identifier followed by the content (`]Q1https://...`, `]Q3414...`,
   * `]E06260000000019`, `]d201...`, `]C101...`, `]e001...`), GS (0x1D)
   * separators kept, so `classify()` sees an element string as the scanner saw it.
   */
  text: string;
  /** `]Q1`, `]Q3`, `]E0`, `]d2`, `]C1`, `]e0`...; empty when the platform detector hid it. */
  symbologyIdentifier: string;
  /** FNC1 in first position: the content is a GS1 element string. */
  isGS1: boolean;
  /** The symbol's raw bytes (ASCII for GS1, UTF-8 or other for text). */
  bytes: Uint8Array;
  /** White-on-black plate. */
  inverted: boolean;
  source: 'worker' | 'native';
};

export type ToWorker =
  | { type: 'warm-up' }
  | { type: 'decode-frame'; id: number; bitmap: ImageBitmap; effort: Effort }
  | { type: 'decode-image'; id: number; image: Blob };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'decoded'; id: number; hit: DecodeHit | null; ms: number }
  | { type: 'failed'; id: number; reason: string };
