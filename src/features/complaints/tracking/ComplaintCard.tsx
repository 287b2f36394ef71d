import { paths } from '../../../api/paths.ts';
import { useT } from '../../../app/t.ts';
import type { Complaint } from '../../../db/complaints.ts';
import { formatDate } from '../../../i18n/format.ts';
import { Ltr } from '../../../i18n/Ltr.tsx';
import { StatusChip } from './StatusChip.tsx';
import { TrackingCode } from './TrackingCode.tsx';
import './complaint-card.css';

/** One row of "my complaints": what, where, its state in words, who has it and by when. */
export function ComplaintCard({ complaint: c }: { complaint: Complaint }) {
  const t = useT();
  const place = c.data.placeName ?? (c.gln ? <Ltr>{c.gln}</Ltr> : t('complaints:list.missingPlaceName'));
  return (
    <article class="card complaint-card" aria-labelledby={`c-${c.id}`}>
      <div class="complaint-card-head">
        <StatusChip complaint={c} />
        {c.unread > 0 && <span class="unread-pill">{t('complaints:list.unread', { count: c.unread })}</span>}
      </div>
      <h2 id={`c-${c.id}`} class="complaint-card-title">
        <a href={paths.complaint(c.id)}>
          {c.data.serviceName ?? c.serviceCode} — {place}
        </a>
      </h2>
      {c.serverId && <TrackingCode code={c.serverId} />}
      {c.data.agency && (
        <p class="complaint-card-meta">{t('complaints:list.to', { agency: c.data.agency })}</p>
      )}
      {c.data.expectedAt && c.status === 'open' && (
        <p class="complaint-card-meta">
          {t('complaints:list.deadline', { date: formatDate(c.data.expectedAt) })}
        </p>
      )}
      <p class="complaint-card-meta">
        {t('complaints:list.filed', { date: formatDate(c.createdAt, { time: true }) })}
      </p>
    </article>
  );
}
