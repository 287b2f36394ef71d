import { useMemo, useState } from 'preact/hooks';
import type { Service } from '../../../api/index.ts';
import { useT } from '../../../app/t.ts';
import { groupServices, matchesService } from './search-text.ts';
import '../../../ui/field.css';
import './form.css';

type Props = {
  services: Service[];
  selected?: string;
  onPick: (service: Service) => void;
};

/** Complaint categories grouped as the service groups them, filtered by Persian-aware search. */
export function CategoryPicker({ services, selected, onPick }: Props) {
  const t = useT();
  const [query, setQuery] = useState('');
  const groups = useMemo(
    () => groupServices(services.filter((s) => matchesService(s, query))),
    [services, query],
  );
  return (
    <div class="category-picker">
      <label class="field-label" for="category-search">
        {t('complaints:form.search')}
      </label>
      <input
        id="category-search"
        class="field-input"
        type="search"
        value={query}
        placeholder={t('complaints:form.searchPlaceholder')}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {groups.length === 0 && (
        <p class="field-hint" role="status">
          {t('complaints:form.noMatch')}
        </p>
      )}
      {groups.map(({ group, items }) => (
        <section key={group} class="category-group" aria-label={group}>
          <h3>{group}</h3>
          <ul class="category-list">
            {items.map((s) => (
              <li key={s.service_code}>
                <button
                  type="button"
                  class="category-item"
                  aria-pressed={s.service_code === selected}
                  onClick={() => onPick(s)}
                >
                  <span class="category-name">{s.service_name}</span>
                  <span class="category-desc">{s.description}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
