import type { MisplacedPlateItem } from '../../../api/index.ts';
import { placePath } from '../../../api/paths.ts';
import { useT } from '../../../app/t.ts';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import { Ltr } from '../../../i18n/Ltr.tsx';
import '../../place/trust-locale.ts';

/**
 * Plates shoppers keep reading far from where they are registered (their "is this the right
 * place?"), for the county's inspector to visit: the shop, how many phones said far and near, when.
 */
export function MisplacedPlates({ plates }: { plates: MisplacedPlateItem[] }) {
  const t = useT();
  return (
    <section aria-labelledby="county-misplaced">
      <h2 id="county-misplaced">{t('trust:county.heading')}</h2>
      {plates.length === 0 ? (
        <p>{t('trust:county.empty')}</p>
      ) : (
        <ul class="field-list">
          {plates.map((p) => (
            <li key={p.gln} class="desk-card field-case field-misplaced">
              <p class="field-case-head">
                <a href={placePath(p.gln)}>{p.name}</a> <Ltr>{p.gln}</Ltr>
                {p.distance !== undefined && (
                  <span class="field-badge">
                    {t('desk:county.distance', { distance: formatNumber(p.distance) })}
                  </span>
                )}
              </p>
              <p>{t('trust:county.readings', { far: p.far_installs, near: p.near_installs })}</p>
              <p class="field-muted">{formatDate(p.last_reading)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
