import { describe, expect, it } from 'vitest';
import { cameraAvailability, cameraFailureOf } from '../../../src/scanner/camera-failure.ts';

const err = (name: string) => Object.assign(new Error(name), { name });

describe('camera failures', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['PermissionDeniedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'no-camera'],
    ['OverconstrainedError', 'no-camera'],
    ['NotReadableError', 'busy'],
    ['TrackStartError', 'busy'],
    ['AbortError', 'busy'],
    ['TypeError', 'unknown'],
  ])('maps %s to the %s screen', (name, failure) => {
    expect(cameraFailureOf(err(name))).toBe(failure);
  });

  it('treats a thrown non-error as unknown', () => {
    expect(cameraFailureOf(undefined)).toBe('unknown');
    expect(cameraFailureOf('boom')).toBe('unknown');
  });

  it('reports an insecure context before asking for the camera', () => {
    expect(cameraAvailability({ isSecureContext: false, mediaDevices: {} })).toBe('insecure');
    expect(cameraAvailability({ isSecureContext: true, mediaDevices: undefined })).toBe('insecure');
    expect(cameraAvailability({ isSecureContext: true, mediaDevices: {} })).toBeNull();
  });
});
