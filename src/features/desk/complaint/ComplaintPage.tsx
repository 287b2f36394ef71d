import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import type { DeskComplaint } from '../../../api/index.ts';
import { substatusKey } from '../../../api/lifecycle.ts';
import { deskQueuePaths } from '../../../api/paths.ts';
import { useT } from '../../../app/t.ts';
import '../../complaints/locale.ts';
import { formatDate, formatNumber, localDigits } from '../../../i18n/format.ts';
import { Ltr } from '../../../i18n/Ltr.tsx';
import { PersianText } from '../../../ui/PersianText.tsx';
import { Timeline } from '../../complaints/tracking/Timeline.tsx';
import '../queue/locale.ts';
import { act, loadComplaint } from '../queue/queue-api.ts';
import { useLoad } from '../queue/use-load.ts';
import { ActionForms } from './ActionForms.tsx';
import { FiledSection } from './FiledSection.tsx';
import { COMPLAINT_PANELS } from './panels.ts';
import './complaint.css';

// One complaint as the clerk works it: what was filed (FiledSection), the timeline, the shop's
// public record and the union's other complaints about it, the "me too" count; then the actions.

export default function ComplaintPage() {
  const t = useT();
  const id = decodeURIComponent(useRoute().params.id ?? '');
  const loaded = useLoad(() => loadComplaint(id), [id]);
  const [current, setCurrent] = useState<DeskComplaint>();
  const c = current?.item.id === id ? current : loaded.value;
  if (loaded.error && !c)
    return (
      <p role="alert" class="desk-error">
        {loaded.error}
      </p>
    );
  if (!c) return <p aria-busy="true">{t('desk:queue.loading')}</p>;
  const i = c.item;
  const reload = () => {
    setCurrent(undefined);
    loaded.reload();
  };

  return (
    <article class="desk-complaint" aria-labelledby="complaint-title">
      <p>
        <a href={deskQueuePaths.queue()}>{t('desk:detail.back')}</a>
      </p>
      <h1 id="complaint-title">
        {i.service_name} · <Ltr>{i.id}</Ltr>
      </h1>
      <dl class="desk-facts">
        <div>
          <dt>{t('desk:detail.status')}</dt>
          <dd>
            {t(substatusKey(i.substatus))}
            {i.escalated && <span class="desk-tag desk-tag-warn">{t('desk:queue.escalated')}</span>}
          </dd>
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
            {i.overdue && <span class="desk-tag desk-tag-danger">{t('desk:queue.overdue')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('desk:detail.supporters')}</dt>
          <dd>{formatNumber(i.supporters)}</dd>
        </div>
        <div>
          <dt>{t('desk:detail.assignee')}</dt>
          <dd>{i.assignee?.name ?? t('desk:detail.nobody')}</dd>
        </div>
      </dl>

      <FiledSection complaint={c} />

      <ActionForms complaint={c} onDone={setCurrent} run={(a) => act(i.id, a)} />

      {COMPLAINT_PANELS.map(({ id: key, component: Panel }) => (
        <Panel key={key} complaint={c} reload={reload} />
      ))}

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('desk:detail.timeline')}</h2>
        <Timeline notes={c.notes} />
      </section>

      {c.shop && (
        <section aria-labelledby="shop-title">
          <h2 id="shop-title">{t('desk:detail.shop')}</h2>
          <dl class="desk-facts">
            <div>
              <dt>{t('desk:detail.shopName')}</dt>
              <dd>{c.shop.name}</dd>
            </div>
            <div>
              <dt>GLN</dt>
              <dd>
                <Ltr>{c.shop.gln}</Ltr>
              </dd>
            </div>
            <div>
              <dt>{t('desk:detail.guild')}</dt>
              <dd>{c.shop.guild}</dd>
            </div>
            <div>
              <dt>{t('desk:detail.address')}</dt>
              <dd>
                <PersianText text={c.shop.address} />
              </dd>
            </div>
            <div>
              <dt>{t('desk:detail.verification')}</dt>
              <dd>{localDigits(c.shop.verification_level)}</dd>
            </div>
          </dl>
          <h3>{t('desk:detail.otherComplaints')}</h3>
          {c.shop_complaints.length === 0 ? (
            <p>{t('desk:detail.noOthers')}</p>
          ) : (
            <ul>
              {c.shop_complaints.map((o) => (
                <li key={o.id}>
                  <a href={deskQueuePaths.complaint(o.id)}>
                    <Ltr>{o.id}</Ltr>
                  </a>{' '}
                  · {o.service_name} · {t(substatusKey(o.substatus))} ·{' '}
                  <time dateTime={o.requested_datetime}>{formatDate(o.requested_datetime)}</time>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </article>
  );
}
