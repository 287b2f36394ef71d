import type { LocationRecord } from '../../api/index.ts';
import { paths } from '../../api/paths.ts';
import { useT } from '../../app/t.ts';
import { formatDate } from '../../i18n/format.ts';

// Each status has its own icon, title and text: the banner colour is a hint, never the message.
const LOOK = {
  sealed: { css: 'banner-danger', icon: '⛔' },
  closed: { css: 'banner-warn', icon: '✖' },
  moved: { css: 'banner-warn', icon: '➜' },
} as const;

export function StatusBanner({ record }: { record: LocationRecord }) {
  const t = useT();
  if (record.status === 'active') return null;
  const { css, icon } = LOOK[record.status];
  const date = formatDate(record.statusSince);
  return (
    <section class={`banner ${css} place-banner`} role="alert" aria-labelledby="place-status-title">
      <h2 id="place-status-title" class="place-banner-title">
        <span aria-hidden="true">{icon} </span>
        {t(`place:status.${record.status}Title`)}
      </h2>
      <p>{t(`place:status.${record.status}Text`, { date })}</p>
      {record.status === 'moved' && record.replacedBy && (
        <a class="btn btn-block" href={paths.place(record.replacedBy)}>
          {t('place:status.movedLink')}
        </a>
      )}
    </section>
  );
}
