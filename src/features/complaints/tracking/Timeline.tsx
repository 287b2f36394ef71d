import { type Note, noteMessage } from '../../../api/index.ts';
import { useT } from '../../../app/t.ts';
import { formatDate } from '../../../i18n/format.ts';
import { PersianText } from '../../../ui/PersianText.tsx';
import './timeline.css';

/** Parameters that are instants: shown as dates in the reader's calendar. */
const DATE_PARAMS = new Set(['date', 'until']);

/** The complaint's history, oldest first, the union's replies set apart. */
export function Timeline({ notes }: { notes: Note[] }) {
  const t = useT();
  if (notes.length === 0) return <p>{t('complaints:detail.noNotes')}</p>;
  return (
    <ol class="timeline">
      {notes.map((n, i) => (
        <li key={i} class={`timeline-item timeline-${n.author}`}>
          <p class="timeline-head">
            <strong>{t(`complaints:detail.note.${n.code === 'question' ? 'question' : n.type}`)}</strong>
            <span> · {t(`complaints:detail.author.${n.author}`)}</span>
          </p>
          <p class="timeline-date">
            <time dateTime={n.datetime}>{formatDate(n.datetime, { time: true })}</time>
          </p>
          <NoteBody note={n} t={t} />
        </li>
      ))}
    </ol>
  );
}

/**
 * What the system says is worded from its code in the reader's language; what a person wrote is
 * shown as written. A note stored before codes, whose state says nothing more, keeps its text.
 */
function NoteBody({ note, t }: { note: Note; t: ReturnType<typeof useT> }) {
  const message = noteMessage(note);
  if (message) {
    const params = Object.fromEntries(
      Object.entries(message.params).map(([k, v]) => [k, DATE_PARAMS.has(k) ? formatDate(String(v)) : v]),
    );
    // Parameters (a phone number, a count) are in the service's digits: shown in the reader's.
    return (
      <p class="timeline-status">
        <PersianText text={t(message.key, params)} />
      </p>
    );
  }
  return note.text ? (
    <p class="timeline-text">
      <PersianText text={note.text} />
    </p>
  ) : null;
}
