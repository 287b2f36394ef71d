// The Shape Detection API's BarcodeDetector, where the platform has one (Android Chrome, macOS,
// ChromeOS; not desktop Linux or Windows, not Firefox). Not in TypeScript's DOM lib yet.

type DetectedBarcode = { rawValue: string; format: string };
type BarcodeDetectorInstance = { detect(source: ImageBitmapSource): Promise<DetectedBarcode[]> };
type BarcodeDetectorClass = {
  new (options?: { formats: string[] }): BarcodeDetectorInstance;
  getSupportedFormats(): Promise<string[]>;
};

/** A detector limited to QR codes, or null when the platform has none that reads them. */
export async function createNativeDetector(): Promise<
  ((frame: ImageBitmap) => Promise<string | null>) | null
> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    // Chrome exposes the class on platforms whose service lists no formats at all.
    if (!(await Detector.getSupportedFormats()).includes('qr_code')) return null;
    const detector = new Detector({ formats: ['qr_code'] });
    return async (frame) => (await detector.detect(frame))[0]?.rawValue ?? null;
  } catch {
    return null;
  }
}
