import { useT } from '../../app/t.ts';
import '../../ui/field.css';
import { type NearFilters, TRUST_FLOORS, type TrustFloor } from './near-filters.ts';

type Props = {
  guilds: readonly { code: string; name: string }[];
  value: NearFilters;
  onChange: (next: NearFilters) => void;
};

export function NearFilterBar({ guilds, value, onChange }: Props) {
  const t = useT();
  return (
    <fieldset class="near-filters">
      <legend>{t('near:filters.label')}</legend>
      <label>
        <span>{t('near:filters.guild')}</span>
        <select
          class="field-input"
          value={value.guild ?? ''}
          onChange={(e) => onChange({ ...value, guild: e.currentTarget.value || undefined })}
        >
          <option value="">{t('near:filters.anyGuild')}</option>
          {guilds.map((g) => (
            <option key={g.code} value={g.code}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('near:filters.trust')}</span>
        <select
          class="field-input"
          value={value.trustAtLeast ?? ''}
          onChange={(e) =>
            onChange({
              ...value,
              trustAtLeast: (e.currentTarget.value || undefined) as TrustFloor | undefined,
            })
          }
        >
          <option value="">{t('near:filters.anyTrust')}</option>
          {TRUST_FLOORS.map((l) => (
            <option key={l} value={l}>
              {t('near:filters.atLeast', { level: t(`trust:badge.${l}`) })}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
