import '../../place/outcomes-locale.ts';
import '../queue/locale.ts';
import '../queue/queue.css';
import '../complaint/complaint.css';
import './moderation.css';
import { useState } from 'preact/hooks';
import { substatusKey } from '../../../api/lifecycle.ts';
import { type ModerationItem, WORDS_STATES, type WordsState } from '../../../api/outcomes.ts';
import { deskQueuePaths } from '../../../api/paths.ts';
import { useT } from '../../../app/t.ts';
import { formatDate } from '../../../i18n/format.ts';
import { Ltr } from '../../../i18n/Ltr.tsx';
import { ActionOutcome } from '../ActionOutcome.tsx';
import { useLoad } from '../queue/use-load.ts';
import { decideWords, loadWords } from './moderation-api.ts';

// The union's moderation of reporters' words: what reporters asked to show on a shop's page,
// waiting for a clerk to approve it or reject it with a reason (kept in the desk and its audit
// trail, never shown to the public). Approved or rejected words can be decided again.

export default function ModerationPage() {
  const t = useT();
  const [state, setState] = useState<WordsState>('pending');
  const list = useLoad(() => loadWords(state), [state]);
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();

  async function run(work: () => Promise<unknown>, doneKey: string) {
    setDone(undefined);
    setError(undefined);
    try {
      await work();
      setDone(t(doneKey));
      list.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section class="desk-moderation" aria-labelledby="moderation-title">
      <h1 id="moderation-title">{t('outcomes:moderation.title')}</h1>
      <p>{t('outcomes:moderation.intro')}</p>
      <fieldset class="moderation-states">
        <legend>{t('outcomes:moderation.state')}</legend>
        {WORDS_STATES.map((s) => (
          <label key={s} class="choice">
            <input type="radio" name="words-state" checked={state === s} onChange={() => setState(s)} />
            <span>{t(`outcomes:moderation.${s}`)}</span>
          </label>
        ))}
      </fieldset>
      <ActionOutcome done={done} error={error ?? list.error} />
      {list.value?.items.length === 0 && <p>{t('outcomes:moderation.empty')}</p>}
      <ul class="moderation-list">
        {(list.value?.items ?? []).map((item) => (
          <WordsCard
            key={item.service_request_id}
            item={item}
            onApprove={() =>
              run(
                () => decideWords(item.service_request_id, { decision: 'approve' }),
                'outcomes:moderation.approvedDone',
              )
            }
            onReject={(reason) =>
              run(
                () => decideWords(item.service_request_id, { decision: 'reject', reason }),
                'outcomes:moderation.rejectedDone',
              )
            }
          />
        ))}
      </ul>
    </section>
  );
}

type CardProps = { item: ModerationItem; onApprove: () => void; onReject: (reason: string) => void };

function WordsCard({ item, onApprove, onReject }: CardProps) {
  const t = useT();
  const id = item.service_request_id;
  const reasonId = `reason-${id}`;
  return (
    <li class="card moderation-item">
      <dl class="moderation-facts">
        <div>
          <dt>{t('outcomes:moderation.shop')}</dt>
          <dd>{item.place_name}</dd>
        </div>
        <div>
          <dt>{t('outcomes:moderation.category')}</dt>
          <dd>{item.service_name}</dd>
        </div>
        <div>
          <dt>{t('outcomes:moderation.status')}</dt>
          <dd>{t(substatusKey(item.substatus))}</dd>
        </div>
        <div>
          <dt>{t('outcomes:moderation.filed')}</dt>
          <dd>
            <time dateTime={item.requested_datetime}>{formatDate(item.requested_datetime)}</time>
          </dd>
        </div>
      </dl>
      <blockquote dir="auto" class="moderation-words">
        {item.words}
      </blockquote>
      {item.state === 'rejected' && item.reason && (
        <p class="field-hint">{t('outcomes:moderation.reasonShown', { reason: item.reason })}</p>
      )}
      <p>
        <a href={deskQueuePaths.complaint(id)}>
          {t('outcomes:moderation.open')} <Ltr>{id}</Ltr>
        </a>
      </p>
      <div class="moderation-actions">
        {item.state !== 'approved' && (
          <button
            type="button"
            class="btn btn-primary"
            aria-label={t('outcomes:moderation.approveOne', { id })}
            onClick={onApprove}
          >
            {t('outcomes:moderation.approve')}
          </button>
        )}
        {item.state !== 'rejected' && (
          <form
            class="desk-form moderation-reject"
            onSubmit={(e) => {
              e.preventDefault();
              const reason = String(new FormData(e.currentTarget).get('reason') ?? '').trim();
              if (reason) onReject(reason);
            }}
          >
            <label class="field-label" for={reasonId}>
              {t('outcomes:moderation.reason')}
            </label>
            <textarea id={reasonId} name="reason" class="field-input" rows={2} required maxLength={500} />
            <button
              type="submit"
              class="btn btn-danger"
              aria-label={t('outcomes:moderation.rejectOne', { id })}
            >
              {t('outcomes:moderation.reject')}
            </button>
          </form>
        )}
      </div>
    </li>
  );
}
