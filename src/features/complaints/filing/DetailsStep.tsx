import type { ComponentChildren } from 'preact';
import type { ServiceAttribute } from '../../../api/index.ts';
import { useT } from '../../../app/t.ts';
import type { ComplaintDraft } from '../../../db/complaints.ts';
import { AttributeField } from './AttributeField.tsx';
import { ClipPicker } from './ClipPicker.tsx';
import { ContactChoice } from './ContactChoice.tsx';
import type { FieldErrors } from './evidence.ts';
import { PhotoPicker } from './PhotoPicker.tsx';
import { PublishChoice } from './PublishChoice.tsx';

type Props = {
  draft: ComplaintDraft;
  attributes: ServiceAttribute[];
  errors: FieldErrors;
  photoLabelKey?: string;
  /** Notices above the fields (an open complaint of the same category, the position). */
  notice?: ComponentChildren;
  /** Offer to show the description on the shop's page (only for a shop with a plate). */
  offerPublish?: boolean;
  onChange: (patch: Partial<ComplaintDraft>) => void;
  onBack: () => void;
  onNext: () => void;
};

export function DetailsStep({
  draft,
  attributes,
  errors,
  photoLabelKey,
  notice,
  offerPublish,
  onChange,
  onBack,
  onNext,
}: Props) {
  const t = useT();
  const sorted = [...attributes].sort((a, b) => a.order - b.order);
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form
      class="complaint-step"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onNext();
      }}
    >
      {notice}
      {hasErrors && (
        <p class="banner banner-danger" role="alert">
          {t('complaints:form.fixErrors')}
        </p>
      )}
      {sorted.length > 0 && <h3>{t('complaints:form.evidence')}</h3>}
      {sorted.map((a) => (
        <AttributeField
          key={a.code}
          attribute={a}
          value={draft.attributes[a.code] ?? ''}
          error={errors[`attr-${a.code}`]}
          onChange={(v) => onChange({ attributes: { ...draft.attributes, [a.code]: v } })}
        />
      ))}
      <PhotoPicker
        photos={draft.photos}
        labelKey={photoLabelKey}
        onChange={(photos) => onChange({ photos })}
      />
      <ClipPicker clips={draft.clips ?? []} onChange={(clips) => onChange({ clips })} />
      <div class="field">
        <label class="field-label" for="complaint-description">
          {t('complaints:form.description')}{' '}
          <span class="field-optional">{t('complaints:form.optional')}</span>
        </label>
        <textarea
          id="complaint-description"
          class="field-input"
          rows={4}
          maxLength={3500}
          aria-describedby="complaint-description-hint"
          value={draft.description}
          onInput={(e) => onChange({ description: e.currentTarget.value })}
        />
        <p id="complaint-description-hint" class="field-hint">
          {t('complaints:form.descriptionHint')}
        </p>
      </div>
      {offerPublish && (
        <PublishChoice checked={draft.publish ?? false} onChange={(publish) => onChange({ publish })} />
      )}
      <ContactChoice
        contactable={draft.contactable}
        contact={draft.contact}
        errors={errors}
        onChange={(patch) => onChange(patch)}
      />
      <div class="field">
        <label class="choice declare">
          <input
            id="declare"
            type="checkbox"
            required
            checked={draft.declared}
            aria-invalid={errors.declare ? true : undefined}
            aria-describedby={errors.declare ? 'declare-error' : undefined}
            onChange={(e) => onChange({ declared: e.currentTarget.checked })}
          />
          <span>{t('complaints:form.declare')}</span>
        </label>
        {errors.declare && (
          <p id="declare-error" class="field-error">
            {t(errors.declare)}
          </p>
        )}
      </div>
      <div class="step-actions">
        <button type="submit" class="btn btn-primary">
          {t('complaints:form.toReview')}
        </button>
        <button type="button" class="btn" onClick={onBack}>
          {t('complaints:form.changeCategory')}
        </button>
      </div>
    </form>
  );
}
