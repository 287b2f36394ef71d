import { useEffect, useState } from 'preact/hooks';
import { paths } from '../../../api/paths.ts';
import { useT } from '../../../app/t.ts';
import { type Complaint, discardDraft, watchDrafts } from '../../../db/complaints.ts';
import { formatDate } from '../../../i18n/format.ts';
import { Ltr } from '../../../i18n/Ltr.tsx';
import { ConfirmDiscard } from '../../../ui/ConfirmDiscard.tsx';
import './drafts.css';

/**
 * Complaints begun and not sent. The form saves as the shopper types; without this list a draft
 * was found again only by reopening the same shop's form.
 */
export function DraftsList() {
  const t = useT();
  const [drafts, setDrafts] = useState<Complaint[]>([]);
  useEffect(() => watchDrafts(setDrafts), []);
  if (drafts.length === 0) return null;
  return (
    <section class="drafts" aria-labelledby="drafts-heading">
      <h2 id="drafts-heading">{t('complaints:drafts.heading', { count: drafts.length })}</h2>
      <ul class="draft-list">
        {drafts.map((d) => (
          <DraftRow key={d.id} draft={d} />
        ))}
      </ul>
    </section>
  );
}

function DraftRow({ draft: d }: { draft: Complaint }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const form = d.data.draft;
  const category = form?.serviceCode ? (form.serviceName ?? d.data.serviceName) : undefined;
  const place = d.data.placeName ?? (d.gln ? <Ltr>{d.gln}</Ltr> : t('complaints:list.missingPlaceName'));
  const titleId = `draft-${d.id}`;
  return (
    <li class="card draft-card">
      <h3 id={titleId} class="draft-title">
        {place}
      </h3>
      <p class="draft-meta">{category ?? t('complaints:drafts.noCategory')}</p>
      <p class="draft-meta">
        {t('complaints:drafts.edited', { date: formatDate(d.updatedAt, { time: true }) })}
      </p>
      {confirming ? (
        <ConfirmDiscard
          id={`${titleId}-q`}
          question={t('complaints:drafts.discardConfirm')}
          confirmLabel={t('complaints:drafts.discard')}
          onConfirm={() => void discardDraft(d.id)}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div class="step-actions">
          <a class="btn btn-primary" href={continueHref(d)} aria-describedby={titleId}>
            {t('complaints:drafts.continue')}
          </a>
          <button
            type="button"
            class="btn btn-danger"
            aria-describedby={titleId}
            onClick={() => setConfirming(true)}
          >
            {t('complaints:drafts.discard')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The form the draft came from, told which draft to resume (a shop may have more than one). */
export function continueHref(d: Complaint): string {
  const form = d.data.draft;
  if (d.gln) return paths.newComplaint(d.gln, { draft: d.id, ext: form?.ext });
  return paths.missingPlate({
    draft: d.id,
    reason: d.serviceCode === 'plate_mismatch' ? 'misplaced' : undefined,
    gln: form?.attributes.plate_gln,
  });
}
