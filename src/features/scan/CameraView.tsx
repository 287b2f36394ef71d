import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { hasTorch, setTorch } from '../../scanner/camera.ts';
import { t } from './t.ts';

// The live picture with a frame to aim at, and the torch where the phone has one (plates hang
// in dim arcades and under awnings).

type Props = {
  videoRef: RefObject<HTMLVideoElement>;
  track: MediaStreamTrack | undefined;
  starting: boolean;
};

export function CameraView({ videoRef, track, starting }: Props) {
  const [torchOn, setTorchOn] = useState(false);
  const torch = hasTorch(track);
  useEffect(() => setTorchOn(false), [track]);

  return (
    <div class="scan-camera">
      {/* muted + playsInline: iOS Safari plays inline video without a tap only when both are set. */}
      <video ref={videoRef} class="scan-video" muted playsInline autoPlay aria-label={t('cameraLabel')} />
      <div class="scan-aim" aria-hidden="true" />
      {starting && <p class="scan-camera-status">{t('starting')}</p>}
      {torch && track && (
        <button
          type="button"
          class="btn scan-torch"
          aria-pressed={torchOn}
          onClick={async () => {
            if (await setTorch(track, !torchOn)) setTorchOn(!torchOn);
          }}
        >
          {torchOn ? t('torchOff') : t('torchOn')}
        </button>
      )}
    </div>
  );
}
