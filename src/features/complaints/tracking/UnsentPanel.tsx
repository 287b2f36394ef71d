import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { paths } from '../../../api/paths.ts';
import { useT } from '../../../app/t.ts';
import type { Complaint } from '../../../db/complaints.ts';
import type { OutboxItem } from '../../../db/outbox.ts';
import { discardSubmission, reopenAsDraft, retrySubmission, sendNow } from '../../../sync/queue.ts';
import { ConfirmDiscard } from '../../../ui/ConfirmDiscard.tsx';

type Props = { complaint: Complaint; entry?: OutboxItem };

/** A complaint the service has not acknowledged: waiting (it sends itself) or refused (the reporter decides). */
export function UnsentPanel({ complaint, entry }: Props) {
  const t = useT();
  const { route } = useLocation();
  const [confirming, setConfirming] = useState(false);
  if (complaint.status === 'queued') {
    // Why the last try failed: the service's own words if it answered, else ours for the kind.
    const kind = entry?.lastFailure;
    const lastTry =
      entry?.lastError ||
      (kind === 'offline' || kind === 'timeout' || kind === 'server' ? t(`failure.${kind}`) : undefined);
    return (
      <div class="banner banner-warn" role="status">
        <p>{t('complaints:detail.waiting')}</p>
        {lastTry && <p>{t('complaints:detail.lastError', { error: lastTry })}</p>}
        <button type="button" class="btn" onClick={() => void sendNow(complaint.id)}>
          {t('complaints:detail.sendNow')}
        </button>
      </div>
    );
  }
  if (complaint.status !== 'failed') return null;
  const edit = async () => {
    const id = await reopenAsDraft(complaint.id);
    if (!id) return;
    const ext = complaint.data.draft?.ext;
    if (complaint.gln) route(paths.newComplaint(complaint.gln, { ext }));
    else
      route(
        paths.missingPlate({ reason: complaint.serviceCode === 'plate_mismatch' ? 'misplaced' : undefined }),
      );
  };
  return (
    <div class="banner banner-danger" role="alert">
      <p>{t('complaints:detail.failed')}</p>
      <ul>
        {(complaint.data.failure ?? []).map((e) => (
          <li key={e.code}>{e.description}</li>
        ))}
      </ul>
      <p>{t('complaints:detail.failedHelp')}</p>
      {confirming ? (
        <ConfirmDiscard
          id="discard-q"
          question={t('complaints:detail.discardConfirm')}
          confirmLabel={t('complaints:detail.discard')}
          onConfirm={async () => {
            await discardSubmission(complaint.id);
            route(paths.complaints());
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div class="step-actions">
          <button type="button" class="btn btn-primary" onClick={edit}>
            {t('complaints:detail.edit')}
          </button>
          <button type="button" class="btn" onClick={() => void retrySubmission(complaint.id)}>
            {t('complaints:detail.retry')}
          </button>
          <button type="button" class="btn btn-danger" onClick={() => setConfirming(true)}>
            {t('complaints:detail.discard')}
          </button>
        </div>
      )}
    </div>
  );
}
