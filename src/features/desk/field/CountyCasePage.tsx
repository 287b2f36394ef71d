import './locale.ts';
import '../queue/locale.ts';
import '../../complaints/locale.ts';
import '../complaint/complaint.css';
import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { type DeskComplaint, substatusKey } from '../../../api/index.ts';
import { paths } from '../../../api/paths.ts';
import { failureText } from '../../../app/failure-text.ts';
import { useT } from '../../../app/t.ts';
import { formatDate } from '../../../i18n/format.ts';
import { Ltr } from '../../../i18n/Ltr.tsx';
import { PersianText } from '../../../ui/PersianText.tsx';
import { Timeline } from '../../complaints/tracking/Timeline.tsx';
import { ActionOutcome } from '../ActionOutcome.tsx';
import { FiledSection } from '../complaint/FiledSection.tsx';
import { MoveSelect } from '../complaint/MoveSelect.tsx';
import { EnforcementPanel } from './EnforcementPanel.tsx';
import { fieldCalls } from './field-calls.ts';
import './field.css';

// One escalated complaint as the county's inspector works it: what was filed, a public reply
// that may move it along (the states on offer are the ones the service says the lifecycle lets
// the chamber take from here), the enforcement stages against the shop, and the timeline.

export function CountyCasePage() {
  const t = useT();
  const id = decodeURIComponent(useRoute().params.id ?? '');
  const [c, setC] = useState<DeskComplaint>();
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const r = await fieldCalls.countyCase(id);
    if (r.status === 'ok') setC(r.data);
    else setProblem(failureText(t, r));
  };
  useEffect(() => {
    void load();
  }, [id]);

  if (problem && !c)
    return (
      <p role="alert" class="desk-error">
        <PersianText text={problem} />
      </p>
    );
  if (!c) return <p aria-busy="true">{t('desk:queue.loading')}</p>;
  const i = c.item;

  async function send(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const text = String(data.get('text') ?? '').trim();
    const substatus = String(data.get('substatus') ?? '');
    setBusy(true);
    setDone(undefined);
    setError(undefined);
    const r = await fieldCalls.countyReply(id, {
      text,
      ...(substatus ? { substatus: substatus as DeskComplaint['item']['substatus'] } : {}),
    });
    setBusy(false);
    if (r.status !== 'ok') return setError(failureText(t, r));
    setC(r.data);
    setDone(t('desk:detail.replied'));
    form.reset();
  }

  return (
    <article class="desk-complaint" aria-labelledby="complaint-title">
      <p>
        <a href={paths.deskCounty()}>{t('desk:county.back')}</a>
      </p>
      <h1 id="complaint-title">
        {i.service_name} · <Ltr>{i.id}</Ltr>
      </h1>
      <dl class="desk-facts">
        <div>
          <dt>{t('desk:detail.status')}</dt>
          <dd>{t(substatusKey(i.substatus))}</dd>
        </div>
        <div>
          <dt>{t('desk:detail.filed')}</dt>
          <dd>
            <time dateTime={i.requested_datetime}>{formatDate(i.requested_datetime, { time: true })}</time>
          </dd>
        </div>
        <div>
          <dt>{t('desk:detail.deadline')}</dt>
          <dd>
            <time dateTime={i.expected_datetime}>{formatDate(i.expected_datetime)}</time>
          </dd>
        </div>
        {c.shop && (
          <div>
            <dt>{t('desk:detail.shopName')}</dt>
            <dd>{c.shop.name}</dd>
          </div>
        )}
      </dl>

      <FiledSection complaint={c} />

      <section class="desk-actions" aria-labelledby="county-reply-title">
        <h2 id="county-reply-title">{t('desk:county.replyTitle')}</h2>
        <ActionOutcome done={done} error={error} />
        <form class="desk-form" onSubmit={(e) => void send(e)}>
          <p class="field-muted">{t('desk:county.replyHint')}</p>
          <label class="field">
            <span class="field-label">{t('desk:detail.replyText')}</span>
            <textarea class="field-input" name="text" rows={4} required />
          </label>
          <MoveSelect moves={c.moves} label={t('desk:county.moveTo')} />
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('desk:detail.sendReply')}
          </button>
        </form>
      </section>

      {i.address_id && (
        <EnforcementPanel complaint={{ service_request_id: i.id }} reload={() => void load()} />
      )}

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('desk:detail.timeline')}</h2>
        <Timeline notes={c.notes} />
      </section>
    </article>
  );
}
