import { paths } from '../../../api/paths.ts';
import '../locale.ts';
import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api } from '../../../api/app-client.ts';
import type { Note } from '../../../api/index.ts';
import { isFromAnsweringBody } from '../../../api/lifecycle.ts';
import { useT } from '../../../app/t.ts';
import { type ComplaintOnPhone, watchComplaintOnPhone } from '../../../db/complaint-on-phone.ts';
import { photosOf } from '../../../db/complaints.ts';
import { formatDate } from '../../../i18n/format.ts';
import { Ltr } from '../../../i18n/Ltr.tsx';
import { markRepliesRead, sendNow } from '../../../sync/queue.ts';
import { pullOne } from '../../../sync/refresh.ts';
import { NotifyOffer } from './NotifyOffer.tsx';
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
  const [view, setView] = useState<ComplaintOnPhone | null>();

  useEffect(() => watchComplaintOnPhone(id, (next) => setView(next ?? null)), [id]);
  useEffect(() => {
    void pullOne(api(), id);
  }, [id]);
  const unread = view?.unread ?? 0;
  useEffect(() => {
    if (unread > 0) void markRepliesRead(id);
  }, [id, unread]);

  if (view === undefined) return <p role="status">{t('common.loading')}</p>;
  if (view === null) {
    return (
      <section class="page">
        <h1>{t('complaints:detail.notFound')}</h1>
        <a class="btn" href={paths.complaints()}>
          {t('complaints:detail.back')}
        </a>
      </section>
    );
  }
  const { complaint: c, creating, waitingActions, refusedActions } = view;
  const asked = awaitsAnswer(c.data.notes);
  const place = c.data.placeName ?? (c.gln ? <Ltr>{c.gln}</Ltr> : t('complaints:list.missingPlaceName'));
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
      {waitingActions.length > 0 && (
        <div class="banner banner-warn" role="status">
          <p>{t('complaints:detail.pendingActions', { count: waitingActions.length })}</p>
          {c.status !== 'queued' && (
            <button type="button" class="btn" onClick={() => void sendNow(c.id)}>
              {t('complaints:detail.sendNow')}
            </button>
          )}
        </div>
      )}
      <NotifyOffer complaint={c} />
      <RefusedActions entries={refusedActions} />
      <SentPhotos urls={photosOf(c)} />
      <h2>{t('complaints:detail.timeline')}</h2>
      <Timeline notes={c.data.notes} />
      {asked && (
        <div class="banner banner-warn" role="note">
          <p>{t('complaints:detail.questionAsked')}</p>
        </div>
      )}
      <ReporterActions complaint={c} />
      <p>
        <a class="btn btn-block" href={paths.complaints()}>
          {t('complaints:detail.back')}
        </a>
      </p>
    </section>
  );
}

/** The union's latest word is a question the reporter has not followed up since. */
function awaitsAnswer(notes: Note[]): boolean {
  const last = notes.findLast((n) => n.author !== 'system');
  return !!last && isFromAnsweringBody(last) && last.code === 'question';
}
