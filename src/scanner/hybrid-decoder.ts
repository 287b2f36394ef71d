import type { DecodeHit, Effort } from './messages.ts';

// The browser's own BarcodeDetector is free (no wasm, often hardware-assisted on Android), so it
// takes the fast frames where it exists. It is not trusted for everything:
// - it drops the symbology identifier and the GS separators, so a raw element string (any text
//   without '://') is decoded again by the worker, which keeps them; if the worker cannot read
//   that frame the detector's text is used as it is, but only from a QR code: a product's digits
//   without ]E0, ]d2... would pass for plain text, so the loop waits for the worker to read it;
// - thorough frames (full effort, deep pass) always go to the worker, which tries inverted
//   (white-on-black) plates, rotation, denoising and small blurred codes whatever the platform
//   detector does, and reads the product symbologies the detector is not asked for;
// - if it throws once (a broken platform service, an unsupported image), the worker takes over for good.

/** What the platform detector read: its text and its format name (`qr_code`, `ean_13`...). */
export type NativeRead = { text: string; format: string };
export type NativeDetect<F> = (frame: F) => Promise<NativeRead | null>;
export type WorkerDecode<F> = (frame: F, effort: Effort) => Promise<DecodeHit | null>;

export type HybridDeps<F> = {
  native: NativeDetect<F> | null;
  worker: WorkerDecode<F>;
  /** Frees a frame the worker will not take (the worker owns, and closes, what it is sent). */
  release(frame: F): void;
};

export type HybridDecoder<F> = {
  decode(frame: F, effort: Effort): Promise<DecodeHit | null>;
  /** Whether the native detector is still in use. */
  readonly usingNative: boolean;
};

export function nativeHit(text: string): DecodeHit {
  return {
    text,
    symbologyIdentifier: '',
    isGS1: false,
    bytes: new TextEncoder().encode(text),
    inverted: false,
    source: 'native',
  };
}

export function createHybridDecoder<F>(deps: HybridDeps<F>): HybridDecoder<F> {
  let native = deps.native;

  return {
    async decode(frame, effort) {
      if (!native || effort !== 'fast') return deps.worker(frame, effort);
      let read: NativeRead | null;
      try {
        read = await native(frame);
      } catch {
        native = null;
        return deps.worker(frame, effort);
      }
      if (read === null) {
        deps.release(frame);
        return null;
      }
      if (read.format === 'qr_code' && read.text.includes('://')) {
        deps.release(frame);
        return nativeHit(read.text);
      }
      const hit = await deps.worker(frame, 'full');
      return hit ?? (read.format === 'qr_code' ? nativeHit(read.text) : null);
    },
    get usingNative() {
      return native !== null;
    },
  };
}
