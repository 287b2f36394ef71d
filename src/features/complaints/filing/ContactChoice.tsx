import { useT } from '../../../app/t.ts';
import type { ContactDetails } from '../../../db/complaints.ts';
import type { FieldErrors } from './evidence.ts';

type Props = {
  contactable: boolean;
  contact: ContactDetails;
  errors: FieldErrors;
  onChange: (patch: { contactable?: boolean; contact?: ContactDetails }) => void;
};

/** Anonymous or contactable, with a plain statement of who sees what. */
export function ContactChoice({ contactable, contact, errors, onChange }: Props) {
  const t = useT();
  const field = (key: keyof ContactDetails, id: string, type: string, autocomplete: string) => {
    const error = errors[id];
    return (
      <div class="field">
        <label class="field-label" for={id}>
          {t(`complaints:form.${key}`)}
        </label>
        <input
          id={id}
          class="field-input"
          type={type}
          dir={type === 'text' ? undefined : 'ltr'}
          autocomplete={autocomplete}
          inputMode={type === 'tel' ? 'tel' : undefined}
          value={contact[key]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => onChange({ contact: { ...contact, [key]: e.currentTarget.value } })}
        />
        {error && (
          <p id={`${id}-error`} class="field-error">
            {t(error)}
          </p>
        )}
      </div>
    );
  };
  return (
    <fieldset class="field contact-choice" aria-describedby="privacy-shop privacy-union">
      <legend class="field-label">{t('complaints:form.contact')}</legend>
      <ul class="privacy-list">
        <li id="privacy-shop">{t('complaints:form.privacyShop')}</li>
        <li id="privacy-union">{t('complaints:form.privacyUnion')}</li>
      </ul>
      <label class="choice">
        <input
          type="radio"
          name="contactable"
          checked={!contactable}
          onChange={() => onChange({ contactable: false })}
        />
        <span>{t('complaints:form.anonymous')}</span>
      </label>
      <label class="choice">
        <input
          type="radio"
          name="contactable"
          checked={contactable}
          onChange={() => onChange({ contactable: true })}
        />
        <span>{t('complaints:form.contactable')}</span>
      </label>
      {contactable ? (
        <div class="contact-fields">
          {field('firstName', 'contact-name', 'text', 'given-name')}
          {field('phone', 'contact-phone', 'tel', 'tel')}
          {field('email', 'contact-email', 'email', 'email')}
        </div>
      ) : (
        <p class="field-hint">{t('complaints:form.privacyAnonymous')}</p>
      )}
    </fieldset>
  );
}
