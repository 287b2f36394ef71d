import type { Trust } from '../../api/index.ts';
import { useT } from '../../app/t.ts';

/**
 * "Why this badge?": each factor of the service's formula in plain words, with what it gave.
 * A <details> element: opens without script, and costs the page nothing until it is opened.
 */
export function TrustWhy({ trust }: { trust: Trust }) {
  const t = useT();
  const max = trust.factors.reduce((s, f) => s + f.max, 0);
  const sealed = trust.factors.some((f) => f.key === 'trust:factor.enforcement.seal');
  return (
    <details class="card trust-why">
      <summary>{t('trust:why.button')}</summary>
      <p>{t('trust:why.intro')}</p>
      <ul class="trust-factors">
        {trust.factors.map((f) => (
          <li key={f.factor}>
            <span>{t(f.key, f.params)}</span>
            <strong class="trust-points">{t('trust:why.points', { points: f.points, max: f.max })}</strong>
          </li>
        ))}
      </ul>
      <p class="trust-total">{t('trust:badge.score', { score: trust.score, max })}</p>
      {trust.level === 'unrated' && <p>{t('trust:why.unratedNote')}</p>}
      {sealed && trust.level === 'low' && <p>{t('trust:why.sealCap')}</p>}
    </details>
  );
}
