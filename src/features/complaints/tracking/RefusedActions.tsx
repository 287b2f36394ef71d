import { useState } from 'preact/hooks';
import { useT } from '../../../app/t.ts';
import type { OutboxItem, UpdatePayload } from '../../../db/outbox.ts';
import { discardAction, retryAction } from '../../../sync/queue.ts';
import { ConfirmDiscard } from '../../../ui/ConfirmDiscard.tsx';

type Refused = OutboxItem & { kind: 'update' };
type Props = { entries: OutboxItem[] };

/**
 * Follow-ups, objections and withdrawals the service refused for good: each with the service's
 * Persian reason, and the reporter decides (send again, or drop it). Until then it waits, unsent.
 */
export function RefusedActions({ entries }: Props) {
  const refused = entries.filter((e): e is Refused => e.kind === 'update' && Boolean(e.payload.failure));
  if (refused.length === 0) return null;
  return (
    <>
      {refused.map((e) => (
        <RefusedAction key={e.id} entry={e} />
      ))}
    </>
  );
}

function RefusedAction({ entry }: { entry: Refused }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const p: UpdatePayload = entry.payload;
  const what = t(`complaints:detail.note.${p.action}`);
  return (
    <div class="banner banner-danger" role="alert">
      <p>{t('complaints:detail.actionRefused', { action: what })}</p>
      {p.description && <p class="review-text">«{p.description}»</p>}
      <ul>
        {(p.failure ?? []).map((e) => (
          <li key={e.code}>{e.description}</li>
        ))}
      </ul>
      <p>{t('complaints:detail.actionRefusedHelp')}</p>
      {confirming ? (
        <ConfirmDiscard
          id={`refused-${entry.id}`}
          question={t('complaints:detail.actionDiscardConfirm', { action: what })}
          confirmLabel={t('complaints:detail.actionDiscard')}
          onConfirm={() => void discardAction(entry.id)}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div class="step-actions">
          <button type="button" class="btn btn-primary" onClick={() => void retryAction(entry.id)}>
            {t('complaints:detail.retry')}
          </button>
          <button type="button" class="btn btn-danger" onClick={() => setConfirming(true)}>
            {t('complaints:detail.actionDiscard')}
          </button>
        </div>
      )}
    </div>
  );
}
