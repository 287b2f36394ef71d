import type { ServiceAttribute } from '../../../api/index.ts';
import { useT } from '../../../app/t.ts';
import { localDigits } from '../../../i18n/format.ts';
import { attrFieldId } from './evidence.ts';
import { todayJalali } from './jalali-date.ts';

type Props = {
  attribute: ServiceAttribute;
  value: string;
  error?: string;
  onChange: (value: string) => void;
};

/** One evidence field, rendered by its Open311 datatype; its error is tied to it for screen readers. */
export function AttributeField({ attribute: a, value, error, onChange }: Props) {
  const t = useT();
  const id = attrFieldId(a.code);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hint =
    a.datatype === 'number' ? 'form.numberHint' : a.datatype === 'datetime' ? 'form.dateHint' : undefined;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const common = {
    id,
    name: a.code,
    class: 'field-input',
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
    'aria-required': a.required || undefined,
  };
  const onInput = (e: { currentTarget: { value: string } }) => onChange(e.currentTarget.value);
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {a.description} {!a.required && <span class="field-optional">{t('complaints:form.optional')}</span>}
      </label>
      {a.datatype === 'text' ? (
        <textarea {...common} rows={3} value={value} onInput={onInput} />
      ) : a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist' ? (
        <select {...common} value={value} onChange={onInput}>
          <option value="">{t('complaints:form.choose')}</option>
          {(a.values ?? []).map((v) => (
            <option key={v.key} value={v.key}>
              {v.name}
            </option>
          ))}
        </select>
      ) : a.datatype === 'datetime' ? (
        // Typed as on a Jalali receipt; a native picker would be Gregorian (jalali-date.ts).
        <input
          {...common}
          type="text"
          dir="ltr"
          autocomplete="off"
          placeholder={localDigits(`${todayJalali()} 18:30`)}
          value={value}
          onInput={onInput}
        />
      ) : a.datatype === 'number' ? (
        // Text with a numeric keyboard: type=number would refuse Persian digits on many phones.
        <input {...common} type="text" inputMode="decimal" dir="auto" value={value} onInput={onInput} />
      ) : (
        <input {...common} type="text" value={value} onInput={onInput} />
      )}
      {hint && (
        <p id={hintId} class="field-hint">
          {t(`complaints:${hint}`)}
        </p>
      )}
      {error && (
        <p id={errorId} class="field-error">
          {t(error)}
        </p>
      )}
    </div>
  );
}
