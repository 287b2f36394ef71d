import { useEffect, useState } from 'preact/hooks';
import { type EnforcementStage, type ShopEnforcementState, stageKey } from '../../../api/index.ts';
import { failureText } from '../../../app/failure-text.ts';
import { useT } from '../../../app/t.ts';
import { formatDate } from '../../../i18n/format.ts';
import { PersianText } from '../../../ui/PersianText.tsx';
import { fieldCalls } from './field-calls.ts';
import './field.css';

// The enforcement stages of a complaint's shop, and a button for each stage this person may take
// next (field.ts decides which; the service decides again). A panel of the complaint's detail
// page and of the county queue.

export type PanelProps = { complaint: { service_request_id: string }; reload: () => void };

export function EnforcementPanel({ complaint, reload }: PanelProps) {
  const t = useT();
  const id = complaint.service_request_id;
  const [state, setState] = useState<ShopEnforcementState | null>(null);
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const r = await fieldCalls.enforcement(id);
    if (r.status === 'ok') setState(r.data);
    else setProblem(failureText(t, r));
  };
  useEffect(() => {
    void load();
  }, [id]);

  const take = async (stage: Exclude<EnforcementStage, 'none'>) => {
    setBusy(true);
    setProblem(undefined);
    setDone(undefined);
    const r = await fieldCalls.recordStage({ service_request_id: id, stage });
    setBusy(false);
    if (r.status !== 'ok') return setProblem(failureText(t, r));
    setDone(t('desk:enforcement.recorded', { stage: t(stageKey(stage)) }));
    await load();
    reload();
  };

  const headingId = `enforcement-${id}`;
  return (
    <section class="desk-card field-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('desk:enforcement.heading')}</h3>
      {state && (
        <>
          <p>{t('desk:enforcement.current', { stage: t(stageKey(state.stage)) })}</p>
          {state.history.length === 0 ? (
            <p>{t('desk:enforcement.none')}</p>
          ) : (
            <ol class="field-history">
              {state.history.map((h) => (
                <li key={`${h.stage}-${h.at}`}>
                  {h.until
                    ? t('desk:enforcement.entryUntil', {
                        stage: t(stageKey(h.stage)),
                        at: formatDate(h.at),
                        until: formatDate(h.until),
                      })
                    : t('desk:enforcement.entry', { stage: t(stageKey(h.stage)), at: formatDate(h.at) })}
                </li>
              ))}
            </ol>
          )}
          {state.next.length === 0 ? (
            <p class="field-muted">{t('desk:enforcement.nothingNext')}</p>
          ) : (
            <div class="field-actions">
              {state.next.map((stage) => (
                <button
                  key={stage}
                  type="button"
                  class={
                    stage === 'seal' || stage === 'pos_block' ? 'desk-button field-danger' : 'desk-button'
                  }
                  disabled={busy}
                  onClick={() => take(stage as Exclude<EnforcementStage, 'none'>)}
                >
                  {t('desk:enforcement.record', { stage: t(stageKey(stage)) })}
                </button>
              ))}
            </div>
          )}
        </>
      )}
      <p class="field-status" role="status">
        {done}
      </p>
      {problem && (
        <p class="desk-error" role="alert">
          <PersianText text={problem} />
        </p>
      )}
    </section>
  );
}
