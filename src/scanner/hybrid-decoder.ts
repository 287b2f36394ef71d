import type { DecodeHit, Effort } from './messages.ts';

// The browser's own BarcodeDetector is free (no wasm, often hardware-assisted on Android), so it
// takes the fast frames where it exists. It is not trusted for everything:
// - it drops the symbology identifier and the GS separators, so a raw element string (any text
//   without '://') is decoded again by the worker, which keeps them; if the worker cannot read
//   that frame the detector's text is used as it is;
// - thorough frames (full effort, deep pass) always go to the worker, which tries inverted
//   (white-on-black) plates, rotation, denoising and small blurred codes whatever the platform
//   detector does, and reads the product symbologies the detector is not asked for;
// - if it throws once (a broken platform service, an unsupported image), the worker takes over for good.

export type NativeDetect<F> = (frame: F) => Promise<string | null>;
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
      let text: string | null;
      try {
        text = await native(frame);
      } catch {
        native = null;
        return deps.worker(frame, effort);
      }
      if (text === null) {
        deps.release(frame);
        return null;
      }
      if (text.includes('://')) {
        deps.release(frame);
        return nativeHit(text);
      }
      return (await deps.worker(frame, 'full')) ?? nativeHit(text);
    },
    get usingNative() {
      return native !== null;
    },
  };
}
