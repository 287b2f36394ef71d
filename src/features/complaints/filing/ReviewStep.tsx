import type { ComponentChildren } from 'preact';
import type { ServiceAttribute } from '../../../api/index.ts';
import '../clips-locale.ts';
import { useT } from '../../../app/t.ts';
import type { ComplaintDraft } from '../../../db/complaints.ts';
import { formatDate, localDigits } from '../../../i18n/format.ts';
import { parseTypedNumber } from './evidence.ts';
import { parseJalaliDateTime } from './jalali-date.ts';

type Props = {
  draft: ComplaintDraft;
  serviceName: string;
  placeName: string;
  attributes: ServiceAttribute[];
  busy: boolean;
  error?: string;
  onEdit: () => void;
  onSubmit: () => void;
};

function shown(a: ServiceAttribute, raw: string): string {
  if (a.datatype === 'number') return localDigits(parseTypedNumber(raw)?.toLocaleString('en-US') ?? raw);
  if (a.datatype === 'datetime')
    return formatDate(parseJalaliDateTime(raw) ?? raw, { time: raw.includes(':') }) || raw;
  if (a.values) return a.values.find((v) => v.key === raw)?.name ?? raw;
  return raw;
}

/** Everything the union will read, once more, before it is sent. */
export function ReviewStep({
  draft,
  serviceName,
  placeName,
  attributes,
  busy,
  error,
  onEdit,
  onSubmit,
}: Props) {
  const t = useT();
  const filled = attributes.filter((a) => (draft.attributes[a.code] ?? '').trim());
  const contact = [draft.contact.firstName, localDigits(draft.contact.phone), draft.contact.email]
    .filter((s) => s.trim())
    .join('، ');
  return (
    <div class="complaint-step">
      <p>{t('complaints:form.reviewLead')}</p>
      <dl class="review-list card">
        <Row term={t('complaints:detail.category')}>{serviceName}</Row>
        <Row term={t('complaints:form.reviewLocation')}>{placeName}</Row>
        {filled.map((a) => (
          <Row key={a.code} term={a.description}>
            {shown(a, draft.attributes[a.code]!)}
          </Row>
        ))}
        {draft.description.trim() && (
          <Row term={t('complaints:form.description')}>
            <span class="review-text">{draft.description}</span>
          </Row>
        )}
        {draft.publish && draft.description.trim() && (
          <Row term={t('outcomes:filing.reviewTerm')}>{t('outcomes:filing.reviewYes')}</Row>
        )}
        <Row term={t('complaints:form.photos', { max: 3 })}>
          {draft.photos.length
            ? t('complaints:form.reviewPhotos', { count: draft.photos.length })
            : t('complaints:form.reviewNoPhotos')}
        </Row>
        {(draft.clips?.length ?? 0) > 0 && (
          <Row term={t('clips:picker.legend')}>
            {draft
              .clips!.map((c) => t(c.type.startsWith('video/') ? 'clips:picker.video' : 'clips:picker.voice'))
              .join('، ')}
          </Row>
        )}
        <Row term={t('complaints:form.reviewContact')}>
          {draft.contactable ? contact : t('complaints:form.reviewAnonymous')}
        </Row>
      </dl>
      <p class="banner banner-info">{t('complaints:form.reviewTo')}</p>
      {error && (
        <p class="banner banner-danger" role="alert">
          {t(`complaints:${error}`)}
        </p>
      )}
      <div class="step-actions">
        <button type="button" class="btn btn-primary" disabled={busy} onClick={onSubmit}>
          {busy ? t('complaints:form.submitting') : t('complaints:form.submit')}
        </button>
        <button type="button" class="btn" onClick={onEdit}>
          {t('complaints:form.edit')}
        </button>
      </div>
    </div>
  );
}

function Row({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div class="review-row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
