import type { Trust } from '../../api/index.ts';
import { useT } from '../../app/t.ts';
import './Trust.css';

/**
 * The shop's trust badge beside its name: the level in words (never colour alone) and, when
 * shoppers confirmed it, that the plate is where it is registered.
 */
export function TrustBadge({ trust }: { trust: Trust }) {
  const t = useT();
  return (
    <p class="trust-badge-row">
      <span class={`trust-badge trust-${trust.level}`}>
        <span class="visually-hidden">{t('trust:badge.label')}: </span>
        {t(`trust:badge.${trust.level}`)}
      </span>
      {trust.plateConfirmed && (
        <span class="trust-plate">
          <span aria-hidden="true">✔ </span>
          {t('trust:badge.plateConfirmed')}
        </span>
      )}
    </p>
  );
}
