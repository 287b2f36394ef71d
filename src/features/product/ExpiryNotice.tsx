import { expiryDate, isExpired } from '../../api/product-code.ts';
import { useT } from '../../app/t.ts';
import { formatDate } from '../../i18n/format.ts';
import { Ltr } from '../../i18n/Ltr.tsx';

type Props = { expiry?: string; lot?: string; now?: Date };

/**
 * What the scanned code itself says about this very pack: its batch (AI 10) and expiry (AI 17).
 * An expiry in the past is a warning; the registry cannot know it, only the code in hand can.
 */
export function ExpiryNotice({ expiry, lot, now = new Date() }: Props) {
  const t = useT();
  const date = expiry ? expiryDate(expiry, now) : null;
  if (!date && !lot) return null;
  const shown = date ? formatDate(date) : '';
  const expired = expiry !== undefined && date !== null && isExpired(expiry, now);
  return (
    <>
      {expired && (
        <section
          class="banner banner-danger product-expired"
          role="alert"
          aria-labelledby="product-expired-title"
        >
          <h2 id="product-expired-title" class="product-banner-title">
            {t('product:expiry.expiredTitle')}
          </h2>
          <p>{t('product:expiry.expiredText', { date: shown })}</p>
        </section>
      )}
      <p class="product-code-data">
        {date && !expired && <span>{t('product:expiry.valid', { date: shown })}</span>}
        {lot && (
          <span>
            {t('product:expiry.lot', { lot: '' })}
            <Ltr>{lot}</Ltr>
          </span>
        )}
      </p>
    </>
  );
}
