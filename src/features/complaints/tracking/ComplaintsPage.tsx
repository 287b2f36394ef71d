import { paths } from '../../../api/paths.ts';
import '../locale.ts';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../../app/t.ts';
import { type Complaint, watchComplaints } from '../../../db/complaints.ts';
import { useFreshReplies } from '../use-sync.ts';
import { ComplaintCard } from './ComplaintCard.tsx';
import { DraftsList } from './DraftsList.tsx';

// `/complaints`: unfinished drafts first, then everything this phone has filed, live (Dexie tells us when the outbox or the
// reply pull changes a record, in this tab, another tab or the service worker).

export default function ComplaintsPage() {
  const t = useT();
  useFreshReplies();
  const [list, setList] = useState<Complaint[]>();
  useEffect(() => watchComplaints(setList), []);
  const waiting = list?.filter((c) => c.status === 'queued').length ?? 0;
  return (
    <section class="page">
      <h1>{t('complaints:list.heading')}</h1>
      <DraftsList />
      {list === undefined && <p role="status">{t('common.loading')}</p>}
      {waiting > 0 && (
        <p class="banner banner-warn" role="status">
          {t('complaints:list.pendingNote', { count: waiting })}
        </p>
      )}
      {list?.length === 0 && (
        <div class="card">
          <p>{t('complaints:list.empty')}</p>
          <a class="btn btn-primary btn-block" href={paths.scan()}>
            {t('complaints:list.scanCta')}
          </a>
        </div>
      )}
      {list?.map((c) => (
        <ComplaintCard key={c.id} complaint={c} />
      ))}
      {list && list.length > 0 && (
        <a class="btn btn-block" href={paths.missingPlate()}>
          {t('complaints:list.missingPlateCta')}
        </a>
      )}
    </section>
  );
}
