import { useT } from '../../app/t.ts';
import { formatAge, formatDate } from '../../i18n/format.ts';

type Props = { fetchedAt: number; onRetry: () => void };

/** The record shown is the saved copy: say how old it is, so the shopper can weigh it. */
export function CacheNotice({ fetchedAt, onRetry }: Props) {
  const t = useT();
  return (
    <section class="banner banner-info place-banner" role="status" aria-labelledby="place-cache-title">
      <h2 id="place-cache-title" class="place-banner-title">
        <span aria-hidden="true">⟲ </span>
        {t('place:cache.title')}
      </h2>
      <p>
        {t('place:cache.text', { age: formatAge(fetchedAt), date: formatDate(fetchedAt, { time: true }) })}
      </p>
      <button type="button" class="btn" onClick={onRetry}>
        {t('place:cache.retry')}
      </button>
    </section>
  );
}
