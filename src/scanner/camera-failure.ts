// What went wrong with the camera, in the terms the failure screens speak. Pure, so every
// browser's error name is tested without a browser.

export type CameraFailure = 'insecure' | 'denied' | 'no-camera' | 'busy' | 'unknown';

/** getUserMedia only exists in a secure context (https or localhost). */
export function cameraAvailability(env: {
  isSecureContext?: boolean;
  mediaDevices?: unknown;
}): CameraFailure | null {
  if (env.isSecureContext === false) return 'insecure';
  if (!env.mediaDevices) return 'insecure';
  return null;
}

export function cameraFailureOf(error: unknown): CameraFailure {
  const name = (error as { name?: unknown } | null)?.name;
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError': // Chrome before 64
    case 'SecurityError': // a permissions policy that forbids the camera
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError': // Chrome before 64
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return 'no-camera';
    case 'NotReadableError':
    case 'TrackStartError': // Chrome before 64
    case 'AbortError': // Firefox when another app holds the device
      return 'busy';
    default:
      return 'unknown';
  }
}
