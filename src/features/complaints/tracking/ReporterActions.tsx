import { useState } from 'preact/hooks';
import { useT } from '../../../app/t.ts';
import type { Complaint } from '../../../db/complaints.ts';
import { queueAction } from '../../../sync/queue.ts';
import { actionsFor } from './status.ts';
import '../../../ui/field.css';
import './reporter-actions.css';

type Mode = 'follow_up' | 'objection' | 'withdraw';

/** Follow up, object to a closure (it escalates), withdraw (asked twice). All go through the outbox. */
export function ReporterActions({ complaint }: { complaint: Complaint }) {
  const t = useT();
  const [mode, setMode] = useState<Mode>();
  const [text, setText] = useState('');
  const [error, setError] = useState(false);
  const [done, setDone] = useState(false);
  const can = actionsFor(complaint);
  if (!can.followUp && !can.object && !can.withdraw) return null;

  const open = (m: Mode) => {
    setMode(m);
    setText('');
    setError(false);
    setDone(false);
  };
  const send = async (e: Event) => {
    e.preventDefault();
    if (!mode) return;
    if (mode !== 'withdraw' && !text.trim()) return setError(true);
    await queueAction(complaint.id, mode, text.trim() || undefined);
    setMode(undefined);
    setDone(true);
  };
  const labelKey = mode === 'objection' ? 'objectLabel' : 'followUpLabel';
  const hintKey = mode === 'objection' ? 'objectHint' : 'followUpHint';

  return (
    <section class="reporter-actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('complaints:actions.heading')}</h2>
      {done && (
        <p class="banner banner-ok" role="status">
          {t('complaints:actions.queued')}
        </p>
      )}
      {!mode && (
        <div class="step-actions">
          {can.followUp && (
            <button type="button" class="btn" onClick={() => open('follow_up')}>
              {t('complaints:actions.followUp')}
            </button>
          )}
          {can.object && (
            <button type="button" class="btn" onClick={() => open('objection')}>
              {t('complaints:actions.object')}
            </button>
          )}
          {can.withdraw && (
            <button type="button" class="btn btn-danger" onClick={() => open('withdraw')}>
              {t('complaints:actions.withdraw')}
            </button>
          )}
        </div>
      )}
      {mode && (
        <form
          class="card action-panel"
          onSubmit={send}
          role={mode === 'withdraw' ? 'alertdialog' : undefined}
          aria-labelledby={mode === 'withdraw' ? 'withdraw-q' : undefined}
        >
          {mode === 'withdraw' ? (
            <p id="withdraw-q">{t('complaints:actions.withdrawConfirm')}</p>
          ) : (
            <div class="field">
              <label class="field-label" for="action-text">
                {t(`complaints:actions.${labelKey}`)}
              </label>
              <textarea
                id="action-text"
                class="field-input"
                rows={3}
                value={text}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? 'action-hint action-error' : 'action-hint'}
                onInput={(e) => setText(e.currentTarget.value)}
              />
              <p id="action-hint" class="field-hint">
                {t(`complaints:actions.${hintKey}`)}
              </p>
              {error && (
                <p id="action-error" class="field-error">
                  {t('complaints:actions.required')}
                </p>
              )}
            </div>
          )}
          <div class="step-actions">
            <button type="submit" class={mode === 'withdraw' ? 'btn btn-danger' : 'btn btn-primary'}>
              {mode === 'withdraw' ? t('complaints:actions.confirmWithdraw') : t('complaints:actions.send')}
            </button>
            <button type="button" class="btn" onClick={() => setMode(undefined)}>
              {t('complaints:actions.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
