import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { takeSharedPhoto } from '../../app/shared-photo.ts';
import type { DecodeHit } from '../../scanner/messages.ts';
import { t } from './t.ts';

// A photo of the plate, taken with the phone's own camera app or picked from the gallery: the
// way in when the live camera is refused, busy or too shaky.

type Props = { decode(image: Blob): Promise<DecodeHit | null>; onHit(hit: DecodeHit): void };

export function PhotoPicker({ decode, onHit }: Props) {
  const [status, setStatus] = useState<'idle' | 'reading' | 'none' | 'failed'>('idle');
  const { query } = useLocation();

  const read = async (file: Blob) => {
    setStatus('reading');
    try {
      const hit = await decode(file);
      if (hit) {
        setStatus('idle');
        onHit(hit);
      } else setStatus('none');
    } catch {
      setStatus('failed');
    }
  };

  const onChange = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // picking the same photo again must fire change again
    if (file) void read(file);
  };

  // A photo shared into the app from the gallery (Web Share Target, see src/sw.ts).
  useEffect(() => {
    if (query.shared === undefined) return;
    void takeSharedPhoto().then((photo) => (photo ? read(photo) : setStatus('none')));
  }, [query.shared]);

  return (
    <div class="scan-photo">
      <label class="btn scan-photo-label">
        <input
          type="file"
          accept="image/*"
          capture="environment"
          class="visually-hidden"
          onChange={onChange}
        />
        {status === 'reading' ? t('photo.reading') : t('photo.button')}
      </label>
      {(status === 'none' || status === 'failed') && (
        <p class="scan-error" role="alert">
          {t(status === 'none' ? 'photo.none' : 'photo.failed')}
        </p>
      )}
    </div>
  );
}
