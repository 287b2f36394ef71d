import { useEffect, useRef, useState } from 'preact/hooks';
import { type CameraOpen, openCamera, stopStream } from '../../scanner/camera.ts';
import type { CameraFailure } from '../../scanner/camera-failure.ts';
import { createDecoderClient, type DecoderClient } from '../../scanner/decoder-client.ts';
import { createFrameLoop, type FrameLoop } from '../../scanner/frame-loop.ts';
import { createHybridDecoder } from '../../scanner/hybrid-decoder.ts';
import type { DecodeHit } from '../../scanner/messages.ts';
import { createNativeDetector } from '../../scanner/native-detector.ts';
import { adoptScanner, resetScanMarks } from '../../scanner/scan-start.ts';

// The camera and the frame loop for the scan page: starts when `active`, pauses while the page
// is hidden (the camera light goes off, the battery is spared), stops every track on unmount.

export type ScannerState =
  | { phase: 'starting' }
  | { phase: 'scanning'; track: MediaStreamTrack | undefined }
  | { phase: 'failed'; failure: CameraFailure };

const MAX_FRAME_WIDTH = 1280;

export function useScanner(opts: { active: boolean; onHit(hit: DecodeHit): void }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const clientRef = useRef<DecoderClient | null>(null);
  // The camera asked for at the tap on "scan" (src/scanner/scan-start.ts), used by the first start.
  const earlyCameraRef = useRef<Promise<CameraOpen> | null>(null);
  const onHitRef = useRef(opts.onHit);
  onHitRef.current = opts.onHit;
  const [state, setState] = useState<ScannerState>({ phase: 'starting' });
  const [attempt, setAttempt] = useState(0);
  const [hidden, setHidden] = useState(() => typeof document !== 'undefined' && document.hidden);

  // The worker (and its wasm download) starts with the page, in parallel with the camera prompt,
  // and serves the photo path even when the camera fails; both were started at the tap on "scan"
  // when the shopper came that way.
  useEffect(() => {
    // Marks for measuring time to first decode (the e2e test reads them); one set per visit.
    const early = adoptScanner();
    if (!early) resetScanMarks();
    performance.mark?.('scan:open');
    earlyCameraRef.current = early?.camera ?? null;
    clientRef.current = early?.client ?? createDecoderClient();
    const onVisibility = () => setHidden(document.hidden);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      clientRef.current?.dispose();
      clientRef.current = null;
      // An early camera never taken up (the page was hidden all along) must not stay on.
      void earlyCameraRef.current?.then((opened) => opened.ok && stopStream(opened.stream));
      earlyCameraRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (!opts.active || hidden) return;
    let cancelled = false;
    let stream: MediaStream | null = null;
    let loop: FrameLoop | null = null;

    (async () => {
      setState({ phase: 'starting' });
      const camera = earlyCameraRef.current ?? openCamera();
      earlyCameraRef.current = null;
      const [opened, native] = await Promise.all([camera, createNativeDetector()]);
      if (cancelled) {
        if (opened.ok) stopStream(opened.stream);
        return;
      }
      if (!opened.ok) {
        setState({ phase: 'failed', failure: opened.failure });
        return;
      }
      stream = opened.stream;
      const video = videoRef.current;
      const client = clientRef.current;
      if (!video || !client) return;
      video.srcObject = stream;
      await video.play().catch(() => undefined);
      if (cancelled) return;
      performance.mark?.('scan:stream');
      setState({ phase: 'scanning', track: stream.getVideoTracks()[0] });

      const decoder = createHybridDecoder<ImageBitmap>({
        native,
        worker: (bitmap, effort) => client.decodeFrame(bitmap, effort),
        release: (bitmap) => bitmap.close(),
      });
      loop = createFrameLoop<ImageBitmap, DecodeHit>({
        grab: () => grabFrame(video),
        decode: (bitmap, effort) => decoder.decode(bitmap, effort),
        onHit: (hit) => {
          // How many frames it took: the e2e tests check the decoder's work by this count, which
          // a loaded machine does not change, where the wall clock would.
          performance.mark?.('scan:decoded', { detail: { frames: loop?.frames } });
          onHitRef.current(hit);
        },
        nextTick: (cb) => {
          const id = requestAnimationFrame(() => cb());
          return () => cancelAnimationFrame(id);
        },
      });
      loop.start();
    })();

    return () => {
      cancelled = true;
      loop?.stop();
      stopStream(stream);
      if (videoRef.current) videoRef.current.srcObject = null;
    };
  }, [opts.active, hidden, attempt]);

  return {
    videoRef,
    state,
    retry: () => setAttempt((n) => n + 1),
    decodeImage: (image: Blob) => clientRef.current?.decodeImage(image) ?? Promise.resolve(null),
  };
}

/** The video's current picture as a transferable bitmap, at most 1280 wide (the benchmarked size). */
async function grabFrame(video: HTMLVideoElement): Promise<ImageBitmap | null> {
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return null;
  if (video.videoWidth <= MAX_FRAME_WIDTH) return createImageBitmap(video);
  const resizeHeight = Math.round((video.videoHeight * MAX_FRAME_WIDTH) / video.videoWidth);
  return createImageBitmap(video, { resizeWidth: MAX_FRAME_WIDTH, resizeHeight, resizeQuality: 'low' });
}
