import { type CameraOpen, openCamera, stopStream } from './camera.ts';
import { createDecoderClient, type DecoderClient } from './decoder-client.ts';

// The scanner's slow starts, begun at the tap on "scan" rather than once the scan page's chunk
// has arrived and mounted: the camera (its permission and first frame), the decoder worker and
// the fetch and compile of its wasm all run at once, beside the chunk's download. The scan page
// adopts what was started. Lands in the first-paint bundle (1.7 KB gzip with the camera and
// worker start-up it calls; the worker's code and the wasm stay in their own files).

/** Marks of the way from the scan page (or the tap) to the first decode, one set per visit. */
const SCAN_MARKS = ['scan:open', 'scan:decoder-ready', 'scan:stream', 'scan:decoded'];

/** A new visit to the scanner: the marks of the last one are dropped (the e2e tests and bench read them). */
export function resetScanMarks(): void {
  for (const name of SCAN_MARKS) performance.clearMarks?.(name);
}

export type ScannerStart = { camera: Promise<CameraOpen>; client: DecoderClient };

/** Long enough for a slow phone to fetch the scan page; a start nobody adopts must not keep the camera on. */
const ADOPT_WITHIN_MS = 15_000;

let started: (ScannerStart & { timer: ReturnType<typeof setTimeout> }) | null = null;

/** Starts the camera and the decoder now, for the scan page about to open. Idempotent. */
export function startScanner(): void {
  if (started) return;
  resetScanMarks();
  const start: ScannerStart = { camera: openCamera(), client: createDecoderClient() };
  started = { ...start, timer: setTimeout(() => release(start), ADOPT_WITHIN_MS) };
}

/** What `startScanner` began, handed over once (the caller then owns it), or null. */
export function adoptScanner(): ScannerStart | null {
  if (!started) return null;
  const { timer, ...start } = started;
  clearTimeout(timer);
  started = null;
  return start;
}

function release(start: ScannerStart): void {
  if (started?.client !== start.client) return;
  started = null;
  start.client.dispose();
  void start.camera.then((opened) => {
    if (opened.ok) stopStream(opened.stream);
  });
}
