import { useState } from 'preact/hooks';
import { DESK_OUTCOMES, type DeskComplaint, isOpen, isOutcome, outcomeKey } from '../../../api/index.ts';
import { useT } from '../../../app/t.ts';
import { ActionOutcome } from '../ActionOutcome.tsx';
import { type act, loadClerks, loadTemplates } from '../queue/queue-api.ts';
import { useLoad } from '../queue/use-load.ts';
import { MoveSelect } from './MoveSelect.tsx';

// What a clerk does with a complaint, each a plain form (so the keyboard alone works it): take it
// or hand it to a colleague, reply (from a template of its category, optionally moving it along),
// ask the reporter for more, close it with its outcome, or judge a set-aside one. The states on
// offer are the ones the service says the lifecycle allows from here (`moves`).

type Action = Parameters<typeof act>[1];
type Props = {
  complaint: DeskComplaint;
  onDone: (c: DeskComplaint) => void;
  run: (a: Action) => Promise<DeskComplaint>;
};

export function ActionForms({ complaint: c, onDone, run }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const templates = useLoad(() => loadTemplates(c.item.service_code), [c.item.service_code]);
  const clerks = useLoad(loadClerks, []);
  const [replyText, setReplyText] = useState('');
  const [templateId, setTemplateId] = useState('');
  const openMoves = c.moves.filter(isOpen);
  const outcomes = c.moves.filter(isOutcome).filter((m) => (DESK_OUTCOMES as readonly string[]).includes(m));

  async function submit(e: Event, action: Action, doneKey: string) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const next = await run(action);
      onDone(next);
      setDone(t(doneKey));
      (e.target as HTMLFormElement).reset?.();
      if (action.action === 'reply') {
        setReplyText('');
        setTemplateId('');
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  const field = (form: EventTarget | null, name: string) => {
    const v = new FormData(form as HTMLFormElement).get(name);
    return typeof v === 'string' ? v.trim() : '';
  };

  return (
    <section class="desk-actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('desk:detail.actions')}</h2>
      <ActionOutcome done={done} error={error} />

      {(c.item.triage_group || c.item.spam) && (
        <div class="desk-action-row">
          <p>{t('desk:detail.triageNote')}</p>
          <button
            type="button"
            class="btn"
            disabled={busy}
            onClick={(e) =>
              void submit(e, { action: 'triage', decision: 'genuine' }, 'desk:detail.markedGenuine')
            }
          >
            {t('desk:detail.genuine')}
          </button>
          <button
            type="button"
            class="btn btn-danger"
            disabled={busy}
            onClick={(e) => void submit(e, { action: 'triage', decision: 'spam' }, 'desk:detail.markedSpam')}
          >
            {t('desk:detail.spam')}
          </button>
        </div>
      )}

      <form
        class="desk-action-row"
        onSubmit={(e) => void submit(e, { action: 'claim' }, 'desk:detail.claimed')}
      >
        <button type="submit" class="btn" disabled={busy}>
          {t('desk:detail.claim')}
        </button>
      </form>
      {(clerks.value?.length ?? 0) > 0 && (
        <form
          class="desk-action-row"
          onSubmit={(e) =>
            void submit(
              e,
              { action: 'assign', staff_id: field(e.currentTarget, 'staff_id') },
              'desk:detail.assigned',
            )
          }
        >
          <label>
            <span>{t('desk:detail.assignTo')}</span>
            <select class="field-input" name="staff_id" required>
              {clerks.value!.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" class="btn" disabled={busy}>
            {t('desk:detail.assign')}
          </button>
        </form>
      )}

      <form
        class="desk-form"
        aria-labelledby="reply-title"
        onSubmit={(e) => {
          const substatus = field(e.currentTarget, 'substatus');
          void submit(
            e,
            {
              action: 'reply',
              text: replyText.trim(),
              ...(substatus ? { substatus } : {}),
              ...(templateId ? { template_id: templateId } : {}),
            },
            'desk:detail.replied',
          );
        }}
      >
        <h3 id="reply-title">{t('desk:detail.reply')}</h3>
        {(templates.value?.length ?? 0) > 0 && (
          <label class="field">
            <span class="field-label">{t('desk:detail.template')}</span>
            <select
              class="field-input"
              value={templateId}
              onChange={(e) => {
                const id = e.currentTarget.value;
                setTemplateId(id);
                const chosen = templates.value!.find((x) => x.id === id);
                if (chosen) setReplyText(chosen.body);
              }}
            >
              <option value="">{t('desk:detail.noTemplate')}</option>
              {templates.value!.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <label class="field">
          <span class="field-label">{t('desk:detail.replyText')}</span>
          <textarea
            class="field-input"
            name="text"
            rows={4}
            required
            value={replyText}
            onInput={(e) => setReplyText(e.currentTarget.value)}
          />
        </label>
        <MoveSelect moves={openMoves} label={t('desk:detail.moveTo')} />
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('desk:detail.sendReply')}
        </button>
      </form>

      {isOpen(c.item.substatus) && (
        <form
          class="desk-form"
          aria-labelledby="ask-title"
          onSubmit={(e) =>
            void submit(e, { action: 'ask', text: field(e.currentTarget, 'text') }, 'desk:detail.asked')
          }
        >
          <h3 id="ask-title">{t('desk:detail.ask')}</h3>
          <label class="field">
            <span class="field-label">{t('desk:detail.question')}</span>
            <textarea class="field-input" name="text" rows={3} required />
          </label>
          <button type="submit" class="btn" disabled={busy}>
            {t('desk:detail.sendQuestion')}
          </button>
        </form>
      )}

      {outcomes.length > 0 && (
        <form
          class="desk-form"
          aria-labelledby="close-title"
          onSubmit={(e) =>
            void submit(
              e,
              {
                action: 'close',
                outcome: field(e.currentTarget, 'outcome'),
                text: field(e.currentTarget, 'text'),
              },
              'desk:detail.closed',
            )
          }
        >
          <h3 id="close-title">{t('desk:detail.close')}</h3>
          <label class="field">
            <span class="field-label">{t('desk:detail.outcome')}</span>
            <select class="field-input" name="outcome" required>
              {outcomes.map((o) => (
                <option key={o} value={o}>
                  {t(outcomeKey(o))}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span class="field-label">{t('desk:detail.closeText')}</span>
            <textarea class="field-input" name="text" rows={3} required />
          </label>
          <button type="submit" class="btn btn-danger" disabled={busy}>
            {t('desk:detail.closeButton')}
          </button>
        </form>
      )}
    </section>
  );
}
