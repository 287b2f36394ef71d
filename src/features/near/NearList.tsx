import { paths } from '../../api/paths.ts';
import { useT } from '../../app/t.ts';
import { formatNumber } from '../../i18n/format.ts';
import { type NearShop, trustOf } from './near-filters.ts';

type Props = { shops: readonly NearShop[] };

/** Metres under a kilometre, else kilometres to one decimal, in the UI's digits. */
export function distanceText(t: ReturnType<typeof useT>, metres: number): string {
  return metres < 1000
    ? t('near:distance.m', { value: formatNumber(metres) })
    : t('near:distance.km', { value: formatNumber(Math.round(metres / 100) / 10) });
}

/** The accessible form of "near me": every shop, nearest first, each a link to its page. */
export function NearList({ shops }: Props) {
  const t = useT();
  if (shops.length === 0) return <p class="card">{t('near:empty')}</p>;
  return (
    <ol class="near-list">
      {shops.map((s) => {
        const trust = trustOf(s);
        return (
          <li key={s.gln} class="near-item" data-gln={s.gln}>
            <a class="near-item-link" href={paths.place(s.gln)}>
              <span class="near-item-name">{s.name}</span>
              <span class="near-item-distance">{distanceText(t, s.distance)}</span>
            </a>
            <span class="near-item-guild">{s.guild.name}</span>
            <span class={`near-trust near-trust-${trust}`} data-trust={trust}>
              {t(`trust:badge.${trust}`)}
            </span>
            <span class="near-item-address">{s.address}</span>
          </li>
        );
      })}
    </ol>
  );
}
