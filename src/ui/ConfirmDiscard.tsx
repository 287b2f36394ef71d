import { useT } from '../app/t.ts';

type Props = {
  /** Unique on the page: names the question for the dialog. */
  id: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
};

/** Asked in place before anything unsent is thrown away: nothing is deleted on one tap. */
export function ConfirmDiscard({ id, question, confirmLabel, onConfirm, onCancel }: Props) {
  const t = useT();
  return (
    <div role="alertdialog" aria-labelledby={id} class="step-actions">
      <p id={id}>{question}</p>
      <button type="button" class="btn btn-danger" onClick={onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" class="btn" onClick={onCancel}>
        {t('complaints:actions.cancel')}
      </button>
    </div>
  );
}
