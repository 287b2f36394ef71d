import { useEffect, useMemo, useState } from 'preact/hooks';
import { CLIP_ACCEPT, CLIP_LIMITS, CLIP_MAX_BYTES } from '../../../api/media.ts';
import { MAX_CLIPS } from '../../../api/open311.ts';
import { useT } from '../../../app/t.ts';
import { ClipPlayer } from '../ClipPlayer.tsx';
import type { ClipKind, Recording } from './record-clip.ts';

// A voice note (≤ 60 s) and a short video (≤ 20 s), recorded here or picked from the phone. Kept
// in the draft as they are; the service strips their metadata on arrival. A picked file the
// browser can tell is too long is refused at once, with the service's own sentence.

type Props = { clips: Blob[]; onChange: (clips: Blob[]) => void };

const kindOf = (b: Blob): ClipKind => (b.type.startsWith('video/') ? 'video' : 'voice');
const TOO_LONG = { voice: 'clips:errors.tooLongVoice', video: 'clips:errors.tooLongVideo' } as const;

export function ClipPicker({ clips, onChange }: Props) {
  const t = useT();
  const [error, setError] = useState<string>();
  const [recording, setRecording] = useState<{ kind: ClipKind; rec: Recording; started: number }>();
  const [now, setNow] = useState(Date.now());
  const urls = useMemo(() => clips.map((c) => URL.createObjectURL(c)), [clips]);
  useEffect(
    () => () => {
      for (const u of urls) URL.revokeObjectURL(u);
    },
    [urls],
  );
  useEffect(() => {
    if (!recording) return;
    const tick = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(tick);
  }, [recording]);

  async function add(blob: Blob) {
    const kind = kindOf(blob);
    if (blob.size > CLIP_MAX_BYTES) return setError('clips:errors.tooLarge');
    const { clipSeconds } = await import('./record-clip.ts');
    const seconds = await clipSeconds(blob);
    if (Number.isFinite(seconds) && seconds > CLIP_LIMITS[kind].maxSeconds + 0.5)
      return setError(TOO_LONG[kind]);
    setError(undefined);
    onChange([...clips, blob]);
  }

  async function record(kind: ClipKind) {
    const { canRecord, startRecording } = await import('./record-clip.ts');
    if (!canRecord()) return setError('clips:picker.noRecorder');
    try {
      const rec = await startRecording(kind);
      setRecording({ kind, rec, started: Date.now() });
      const blob = await rec.done;
      setRecording(undefined);
      onChange([...clips, blob]);
    } catch {
      setRecording(undefined);
      setError('clips:picker.denied');
    }
  }

  const room = clips.length < MAX_CLIPS;
  return (
    <fieldset class="field clip-picker" aria-describedby="clip-hint">
      <legend class="field-label">{t('clips:picker.legend')}</legend>
      <p id="clip-hint" class="field-hint">
        {t('clips:picker.hint')}
      </p>
      {clips.length > 0 && (
        <ul class="clip-list">
          {clips.map((c, i) => (
            <li key={urls[i]} class="clip-item">
              <ClipPlayer src={urls[i]!} video={kindOf(c) === 'video'} />
              <button type="button" class="btn" onClick={() => onChange(clips.filter((_, j) => j !== i))}>
                {t('clips:picker.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="field-error" role="alert">
          {t(error)}
        </p>
      )}
      {recording ? (
        <div class="clip-actions">
          <p role="status">
            {t('clips:picker.recording', { seconds: Math.floor((now - recording.started) / 1000) })}
          </p>
          <button type="button" class="btn btn-primary" onClick={() => recording.rec.stop()}>
            {t('clips:picker.stop')}
          </button>
        </div>
      ) : (
        room && (
          <div class="clip-actions">
            <button type="button" class="btn" onClick={() => void record('voice')}>
              {t('clips:picker.recordVoice')}
            </button>
            <button type="button" class="btn" onClick={() => void record('video')}>
              {t('clips:picker.recordVideo')}
            </button>
            <label class="btn">
              {t('clips:picker.pick')}
              <input
                class="visually-hidden"
                type="file"
                accept={CLIP_ACCEPT}
                onChange={(e) => {
                  const input = e.currentTarget;
                  const file = input.files?.[0];
                  input.value = '';
                  if (file) void add(file);
                }}
              />
            </label>
          </div>
        )
      )}
    </fieldset>
  );
}
