import type { NativeRead } from './hybrid-decoder.ts';

// The Shape Detection API's BarcodeDetector, where the platform has one (Android Chrome, macOS,
// ChromeOS; not desktop Linux or Windows, not Firefox). Not in TypeScript's DOM lib yet.

type DetectedBarcode = { rawValue: string; format: string };
type BarcodeDetectorInstance = { detect(source: ImageBitmapSource): Promise<DetectedBarcode[]> };
type BarcodeDetectorClass = {
  new (options?: { formats: string[] }): BarcodeDetectorInstance;
  getSupportedFormats(): Promise<string[]>;
};

/**
 * The plate and the product symbologies, in the API's names. The detector hides symbology
 * identifiers and GS separators, so whatever it reads that is not a URL is read again by the
 * worker (src/scanner/hybrid-decoder.ts): asking it for products only tells the fast frames
 * that there is one to read.
 */
const WANTED = ['qr_code', 'data_matrix', 'ean_13', 'ean_8', 'upc_a', 'upc_e', 'code_128'];

/** A detector for the formats the platform reads, or null when it has none that reads QR codes. */
export async function createNativeDetector(): Promise<
  ((frame: ImageBitmap) => Promise<NativeRead | null>) | null
> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    // Chrome exposes the class on platforms whose service lists no formats at all.
    const supported = await Detector.getSupportedFormats();
    if (!supported.includes('qr_code')) return null;
    const detector = new Detector({ formats: WANTED.filter((f) => supported.includes(f)) });
    return async (frame) => {
      const [first] = await detector.detect(frame);
      return first ? { text: first.rawValue, format: first.format } : null;
    };
  } catch {
    return null;
  }
}
