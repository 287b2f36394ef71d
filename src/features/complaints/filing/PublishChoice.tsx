import { useT } from '../../../app/t.ts';
import '../../place/outcomes-locale.ts';

type Props = { checked: boolean; onChange: (checked: boolean) => void };

/** The reporter's choice to show their words on the shop's page: off unless they tick it. */
export function PublishChoice({ checked, onChange }: Props) {
  const t = useT();
  return (
    <div class="field">
      <label class="choice">
        <input
          id="complaint-publish"
          type="checkbox"
          checked={checked}
          aria-describedby="complaint-publish-hint"
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        <span>{t('outcomes:filing.publish')}</span>
      </label>
      <p id="complaint-publish-hint" class="field-hint">
        {t('outcomes:filing.publishHint')}
      </p>
    </div>
  );
}
