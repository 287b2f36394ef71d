import { useT } from '../../app/t.ts';
import { formatRials, formatTomans } from '../../i18n/format.ts';

/** A price as the pack prints it (rials), with tomans beside it as shoppers say it. */
export function Price({ rials }: { rials: number }) {
  const t = useT();
  return (
    <span class="product-price">
      <span class="product-price-rials">{t('product:price.rials', { amount: formatRials(rials) })}</span>{' '}
      <span class="product-price-tomans">({t('product:price.tomans', { amount: formatTomans(rials) })})</span>
    </span>
  );
}
