import type { Fix } from '../../api/plate-verdict.ts';

// One position fix, as a value. Called only from the shopper's tap on "is this the right
// place?": the app never asks for location by itself.

export type LocateResult =
  | { status: 'ok'; fix: Fix }
  | { status: 'denied' | 'unavailable' | 'timeout' | 'unsupported' };

/** High accuracy: a shop-scale check needs GPS, not a cell-tower guess. */
export const LOCATE_OPTIONS: PositionOptions = { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 };

export function locateOnce(
  geolocation: Geolocation | undefined = globalThis.navigator?.geolocation,
): Promise<LocateResult> {
  if (!geolocation?.getCurrentPosition) return Promise.resolve({ status: 'unsupported' });
  return new Promise((resolve) => {
    geolocation.getCurrentPosition(
      (pos) =>
        resolve({
          status: 'ok',
          fix: { lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy: pos.coords.accuracy },
        }),
      // GeolocationPositionError codes: 1 permission denied, 2 position unavailable, 3 timeout.
      (err) => resolve({ status: err.code === 1 ? 'denied' : err.code === 3 ? 'timeout' : 'unavailable' }),
      LOCATE_OPTIONS,
    );
  });
}
