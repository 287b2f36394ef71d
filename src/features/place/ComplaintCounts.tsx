import type { LocationComplaintCounts } from '../../api/index.ts';
import { useT } from '../../app/t.ts';

/** Public counts only: who complained and about what in detail stays between them and the union. */
export function ComplaintCounts({ counts }: { counts: LocationComplaintCounts }) {
  const t = useT();
  return (
    <section class="card" aria-labelledby="counts-heading">
      <h2 id="counts-heading">{t('place:complaints.heading')}</h2>
      {counts.open === 0 ? (
        <p>{t('place:complaints.none')}</p>
      ) : (
        <>
          <p>{t('place:complaints.open', { count: counts.open })}</p>
          <ul>
            {counts.byCategory
              .filter((c) => c.count > 0)
              .map((c) => (
                <li key={c.service_code}>
                  {t('place:complaints.category', { name: c.service_name, count: c.count })}
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
