import { paths } from '../../../api/paths.ts';
import '../locale.ts';
import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { useT } from '../../../app/t.ts';
import { type Complaint, photosOf, watchComplaint } from '../../../db/complaints.ts';
import { entriesFor, type OutboxItem } from '../../../db/outbox.ts';
import { formatDate } from '../../../i18n/format.ts';
import { Ltr } from '../../../i18n/Ltr.tsx';
import { apiClient } from '../../../sync/api.ts';
import { markRepliesRead } from '../../../sync/queue.ts';
import { pullOne } from '../../../sync/refresh.ts';
import { RefusedActions } from './RefusedActions.tsx';
import { ReporterActions } from './ReporterActions.tsx';
import { SentPhotos } from './SentPhotos.tsx';
import { StatusChip } from './StatusChip.tsx';
import { Timeline } from './Timeline.tsx';
import { TrackingCode } from './TrackingCode.tsx';
import { UnsentPanel } from './UnsentPanel.tsx';
import './detail.css';
import { useSyncStarted } from '../use-sync.ts';

// `/complaints/:id` (the local id): the timeline, the union's replies, the reporter's actions.
// Viewing it reads the replies, which clears them from the navigation badge.

export default function ComplaintDetailPage() {
  const t = useT();
  useSyncStarted();
  const { params } = useRoute();
  const id = params.id ?? '';
  const [c, setC] = useState<Complaint | null>();
  const [entries, setEntries] = useState<OutboxItem[]>([]);

  useEffect(() => watchComplaint(id, (next) => setC(next ?? null)), [id]);
  useEffect(() => {
    void pullOne(apiClient(), id);
  }, [id]);
  useEffect(() => {
    if (!c) return;
    if (c.unread > 0) void markRepliesRead(c.id);
    void entriesFor(c.id).then(setEntries);
  }, [c]);

  if (c === undefined) return <p role="status">{t('common.loading')}</p>;
  if (c === null) {
    return (
      <section class="page">
        <h1>{t('complaints:detail.notFound')}</h1>
        <a class="btn" href={paths.complaints()}>
          {t('complaints:detail.back')}
        </a>
      </section>
    );
  }
  const place = c.data.placeName ?? (c.gln ? <Ltr>{c.gln}</Ltr> : t('complaints:list.missingPlaceName'));
  const creating = entries.find((e) => e.kind === 'create');
  const pendingActions = entries.filter((e) => e.kind === 'update' && !e.payload.failure).length;
  return (
    <section class="page complaint-detail">
      <h1>
        {c.data.serviceName ?? c.serviceCode} — {place}
      </h1>
      <StatusChip complaint={c} />
      <UnsentPanel complaint={c} entry={creating} />
      <dl class="card detail-facts">
        {c.serverId && (
          <div>
            <dt class="visually-hidden">{t('complaints:tracking.label')}</dt>
            <dd>
              <TrackingCode code={c.serverId} />
            </dd>
          </div>
        )}
        {c.data.agency && (
          <div>
            <dt>{t('complaints:detail.sentTo')}</dt>
            <dd>{c.data.agency}</dd>
          </div>
        )}
        {c.data.expectedAt && (
          <div>
            <dt>{t('complaints:detail.deadline')}</dt>
            <dd>{formatDate(c.data.expectedAt)}</dd>
          </div>
        )}
        <div>
          <dt>{t('complaints:detail.filed')}</dt>
          <dd>{formatDate(c.data.requestedAt ?? c.createdAt, { time: true })}</dd>
        </div>
        {c.data.escalated && (
          <div>
            <dt>{t('complaints:status.escalated')}</dt>
            <dd>✓</dd>
          </div>
        )}
      </dl>
      {pendingActions > 0 && (
        <p class="banner banner-warn" role="status">
          {t('complaints:detail.pendingActions', { count: pendingActions })}
        </p>
      )}
      <RefusedActions entries={entries} />
      <SentPhotos urls={photosOf(c)} />
      <h2>{t('complaints:detail.timeline')}</h2>
      <Timeline notes={c.data.notes} />
      <ReporterActions complaint={c} />
      <p>
        <a class="btn btn-block" href={paths.complaints()}>
          {t('complaints:detail.back')}
        </a>
      </p>
    </section>
  );
}
