import './outcomes-locale.ts';
import './PublicOutcomes.css';
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../../api/client.ts';
import { substatusKey } from '../../api/lifecycle.ts';
import type { ShopOutcomes } from '../../api/outcomes.ts';
import { OUTCOME_WINDOW_MONTHS } from '../../api/outcomes-paths.ts';
import { useT } from '../../app/t.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';

// What came of complaints against this shop: closed complaints of the last months by category
// and outcome, then the union's latest replies with, where the reporter chose to publish them and
// the union approved them, the reporter's words. Nothing of the reporter: the service sends none.

export type PublicOutcomesProps = { gln: string; client: ApiClient };

export function PublicOutcomes({ gln, client }: PublicOutcomesProps) {
  const outcomes = useOutcomes(gln, client);
  return outcomes ? <OutcomesSection outcomes={outcomes} /> : null;
}

/** Public outcomes: a nice-to-have, so any failure simply shows nothing. */
function useOutcomes(gln: string, client: ApiClient): ShopOutcomes | null {
  const [outcomes, setOutcomes] = useState<ShopOutcomes | null>(null);
  useEffect(() => {
    let live = true;
    setOutcomes(null);
    client.outcomes(gln).then((r) => {
      if (live && r.status === 'ok') setOutcomes(r.data);
    });
    return () => {
      live = false;
    };
  }, [gln, client]);
  return outcomes;
}

export function OutcomesSection({ outcomes }: { outcomes: ShopOutcomes }) {
  const t = useT();
  return (
    <section class="card outcomes" aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">{t('outcomes:section.heading', { months: OUTCOME_WINDOW_MONTHS })}</h2>
      {outcomes.total === 0 ? (
        <p>{t('outcomes:section.none')}</p>
      ) : (
        <>
          <p>{t('outcomes:section.total', { count: outcomes.total })}</p>
          <table class="outcomes-table">
            <caption class="visually-hidden">{t('outcomes:section.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outcomes:section.category')}</th>
                <th scope="col">{t('outcomes:section.outcome')}</th>
                <th scope="col">{t('outcomes:section.count')}</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.counts.map((c) => (
                <tr key={`${c.service_code}:${c.outcome}`}>
                  <td>{c.service_name}</td>
                  <td>{t(substatusKey(c.outcome))}</td>
                  <td>{formatNumber(c.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {outcomes.items.some((i) => i.reply || i.words) && (
            <>
              <h3>{t('outcomes:section.recent')}</h3>
              <ul class="outcomes-items">
                {outcomes.items
                  .filter((i) => i.reply || i.words)
                  .map((i, n) => (
                    // Items carry no id on purpose (it would point at the reporter); their order is stable.
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                    <li key={n}>
                      <p class="outcomes-item-head">
                        <strong>{i.service_name}</strong>
                        <span aria-hidden="true"> · </span>
                        <span>{t(substatusKey(i.outcome))}</span>
                      </p>
                      {i.words && (
                        <figure class="outcomes-words">
                          <figcaption>{t('outcomes:section.words')}</figcaption>
                          <blockquote dir="auto">{i.words}</blockquote>
                        </figure>
                      )}
                      {i.reply && (
                        <figure class="outcomes-reply">
                          <figcaption>
                            {t(`outcomes:section.reply.${i.reply.by}`, { date: formatDate(i.reply.date) })}
                          </figcaption>
                          <blockquote dir="auto">{i.reply.text}</blockquote>
                        </figure>
                      )}
                    </li>
                  ))}
              </ul>
            </>
          )}
        </>
      )}
      <p class="field-hint">{t('outcomes:section.privacy')}</p>
    </section>
  );
}
