import type { OtherLocation } from '../../api/index.ts';
import { paths } from '../../api/paths.ts';
import { useT } from '../../app/t.ts';
import { localDigits } from '../../i18n/format.ts';

export function OtherLocations({ others }: { others: OtherLocation[] }) {
  const t = useT();
  if (others.length === 0) return null;
  return (
    <section class="card" aria-labelledby="others-heading">
      <h2 id="others-heading">{t('place:others.heading')}</h2>
      <ul class="place-links">
        {others.map((o) => (
          <li key={o.gln}>
            <a href={paths.place(o.gln)}>
              {t('place:others.item', { name: localDigits(o.name), role: t(`place:role.${o.role}`) })}
            </a>
            {o.status !== 'active' && (
              <span class="place-muted">
                {' '}
                {t('place:others.statusNote', { status: t(`place:statusShort.${o.status}`) })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
