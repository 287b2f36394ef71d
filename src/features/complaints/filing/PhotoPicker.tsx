import { useEffect, useMemo, useState } from 'preact/hooks';
import { useT } from '../../../app/t.ts';
import { stripPhoto } from './strip-photo.ts';

export const MAX_PHOTOS = 3;

type Props = {
  photos: Blob[];
  onChange: (photos: Blob[]) => void;
  /** The label's i18n key: "photos" for evidence, "storefrontPhoto" for a missing plate. */
  labelKey?: string;
};

/** Up to three photos, each stripped of EXIF/GPS the moment it is picked, before it is stored. */
export function PhotoPicker({ photos, onChange, labelKey = 'form.photos' }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const urls = useMemo(() => photos.map((p) => (p instanceof Blob ? URL.createObjectURL(p) : '')), [photos]);
  useEffect(
    () => () => {
      for (const u of urls) if (u) URL.revokeObjectURL(u);
    },
    [urls],
  );

  async function onPick(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    setError(undefined);
    const room = MAX_PHOTOS - photos.length;
    if (files.length > room) setError('form.photoLimit');
    setBusy(true);
    const added: Blob[] = [];
    for (const f of files.slice(0, room)) {
      try {
        added.push(await stripPhoto(f));
      } catch {
        setError('form.photoFailed');
      }
    }
    setBusy(false);
    if (added.length) onChange([...photos, ...added]);
  }

  return (
    <fieldset class="field photo-picker" aria-describedby="photo-privacy">
      <legend class="field-label">{t(`complaints:${labelKey}`, { max: MAX_PHOTOS })}</legend>
      <p id="photo-privacy" class="field-hint">
        {t('complaints:form.photoPrivacy')}
      </p>
      {photos.length > 0 && (
        <ul class="photo-list">
          {photos.map((_, i) => (
            <li key={i} class="photo-item">
              {urls[i] && <img src={urls[i]} alt={t('complaints:form.photoAlt', { n: i + 1 })} />}
              <button
                type="button"
                class="btn photo-remove"
                aria-label={t('complaints:form.removePhoto', { n: i + 1 })}
                onClick={() => onChange(photos.filter((__, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {photos.length < MAX_PHOTOS && (
        <label class="btn photo-add">
          {t('complaints:form.addPhoto')}
          <input
            class="visually-hidden"
            type="file"
            accept="image/jpeg,image/png,image/webp,image/heic,image/*"
            multiple
            disabled={busy}
            onChange={onPick}
          />
        </label>
      )}
      {busy && (
        <p class="field-hint" role="status">
          {t('complaints:form.photoProcessing')}
        </p>
      )}
      {error && (
        <p class="field-error" role="alert">
          {t(`complaints:${error}`, { max: MAX_PHOTOS })}
        </p>
      )}
    </fieldset>
  );
}
