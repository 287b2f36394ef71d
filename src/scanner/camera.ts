import { type CameraFailure, cameraAvailability, cameraFailureOf } from './camera-failure.ts';

// The rear camera at about 720p: enough pixels for a plate across a shop front, little enough
// for a fast decode (tests/bench/decode.ts measures 1280x720 frames).
const CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: {
    facingMode: { ideal: 'environment' },
    width: { ideal: 1280 },
    height: { ideal: 720 },
  },
};

export type CameraOpen =
  | { ok: true; stream: MediaStream }
  | { ok: false; failure: CameraFailure; error?: unknown };

export async function openCamera(): Promise<CameraOpen> {
  const unavailable = cameraAvailability({
    isSecureContext: globalThis.isSecureContext,
    mediaDevices: navigator.mediaDevices,
  });
  if (unavailable) return { ok: false, failure: unavailable };
  try {
    return { ok: true, stream: await navigator.mediaDevices.getUserMedia(CONSTRAINTS) };
  } catch (error) {
    return { ok: false, failure: cameraFailureOf(error), error };
  }
}

export function stopStream(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

type TorchCapabilities = MediaTrackCapabilities & { torch?: boolean };

/** Torch control exists on most Android phones and nowhere on desktop or iOS Safari. */
export function hasTorch(track: MediaStreamTrack | undefined): boolean {
  const caps = track?.getCapabilities?.() as TorchCapabilities | undefined;
  return caps?.torch === true;
}

export async function setTorch(track: MediaStreamTrack, on: boolean): Promise<boolean> {
  try {
    await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
    return true;
  } catch {
    return false;
  }
}
