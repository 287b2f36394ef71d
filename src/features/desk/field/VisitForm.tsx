import { useState } from 'preact/hooks';
import { VISIT_OUTCOMES, type VisitOutcome } from '../../../api/index.ts';
import { failureText } from '../../../app/failure-text.ts';
import { useT } from '../../../app/t.ts';
import { PersianText } from '../../../ui/PersianText.tsx';
import { stripPhoto } from '../../complaints/filing/strip-photo.ts';
import { fieldCalls, photoBase64 } from './field-calls.ts';

// The outcome of a visit to a missing-plate report, with a photo taken there. The photo leaves
// the phone without its metadata and shrunk, as a complaint's photos do.

export function VisitForm({ id, onDone }: { id: string; onDone: () => void }) {
  const t = useT();
  const [outcome, setOutcome] = useState<VisitOutcome>('plate_installed');
  const [photo, setPhoto] = useState<File>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setProblem(undefined);
    if (!photo) return setProblem(t('desk:visit.photoNeeded'));
    setBusy(true);
    const stripped = await stripPhoto(photo).catch(() => photo);
    const r = await fieldCalls.recordVisit({
      service_request_id: id,
      outcome,
      photo: await photoBase64(stripped),
    });
    setBusy(false);
    if (r.status !== 'ok') return setProblem(failureText(t, r));
    onDone();
  };

  const name = `visit-${id}`;
  return (
    <form class="field-visit" onSubmit={submit} aria-labelledby={`${name}-heading`}>
      <h3 id={`${name}-heading`}>{t('desk:visit.heading')}</h3>
      <fieldset>
        <legend>{t('desk:visit.outcomeLabel')}</legend>
        {VISIT_OUTCOMES.map((o) => (
          <label key={o} class="field-choice">
            <input
              type="radio"
              name={name}
              value={o}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />{' '}
            {t(`desk:visit.outcome.${o}`)}
          </label>
        ))}
      </fieldset>
      <label class="field-choice" for={`${name}-photo`}>
        {t('desk:visit.photo')}
      </label>
      <input
        id={`${name}-photo`}
        type="file"
        accept="image/*"
        capture="environment"
        onChange={(e) => setPhoto((e.currentTarget as HTMLInputElement).files?.[0])}
      />
      <button type="submit" class="desk-button desk-button-primary" disabled={busy}>
        {t('desk:visit.submit')}
      </button>
      {problem && (
        <p class="desk-error" role="alert">
          <PersianText text={problem} />
        </p>
      )}
    </form>
  );
}
