import type { ShopEnforcement } from '../../api/index.ts';
// Not through the barrel: its value imports bring the zod schemas (23 KB gzip) into the shop page.
import { stageKey } from '../../api/lifecycle.ts';
import { useT } from '../../app/t.ts';
import { formatDate } from '../../i18n/format.ts';
import './EnforcementRecord.css';

/**
 * The enforcement stages recorded against the shop, newest first, as they are: what, from when
 * and until when (Jalali in Persian), so a shopper at the door knows a warning from a seal.
 */
export function EnforcementRecord({ stages }: { stages: ShopEnforcement[] | undefined }) {
  const t = useT();
  if (!stages?.length) return null;
  return (
    <section class="card enforcement" aria-labelledby="enforcement-heading">
      <h2 id="enforcement-heading">{t('place:enforcement.heading')}</h2>
      <ol class="enforcement-list">
        {stages.map((s) => (
          <li key={`${s.stage}-${s.at}`} class={`enforcement-item enforcement-${s.stage}`}>
            <strong>{t(stageKey(s.stage))}</strong>
            <span class="enforcement-dates">
              {s.until
                ? t('place:enforcement.fromUntil', { at: formatDate(s.at), until: formatDate(s.until) })
                : t('place:enforcement.from', { at: formatDate(s.at) })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
