import type { Note } from '../../../api/index.ts';
import { useT } from '../../../app/t.ts';
import { formatDate } from '../../../i18n/format.ts';
import { PersianText } from '../../../ui/PersianText.tsx';
import './timeline.css';

/** The complaint's history, oldest first, the union's replies set apart. */
export function Timeline({ notes }: { notes: Note[] }) {
  const t = useT();
  if (notes.length === 0) return <p>{t('complaints:detail.noNotes')}</p>;
  return (
    <ol class="timeline">
      {notes.map((n, i) => (
        <li key={i} class={`timeline-item timeline-${n.author}`}>
          <p class="timeline-head">
            <strong>{t(`complaints:detail.note.${n.type}`)}</strong>
            <span> · {t(`complaints:detail.author.${n.author}`)}</span>
          </p>
          <p class="timeline-date">
            <time dateTime={n.datetime}>{formatDate(n.datetime, { time: true })}</time>
          </p>
          {n.text && (
            <p class="timeline-text">
              <PersianText text={n.text} />
            </p>
          )}
          {n.substatus && n.type === 'status_change' && !n.text && (
            <p class="timeline-status">{t(`complaints:status.${statusKey(n.substatus)}`)}</p>
          )}
        </li>
      ))}
    </ol>
  );
}

function statusKey(s: NonNullable<Note['substatus']>): string {
  return ['received', 'under_review', 'hearing_scheduled'].includes(s) ? s : `outcome.${s}`;
}
