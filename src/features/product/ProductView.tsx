import type { ProductRecord } from '../../api/index.ts';
import { displayGtin } from '../../api/product-code.ts';
import { useT } from '../../app/t.ts';
import { formatAge, formatDate } from '../../i18n/format.ts';
import { Ltr } from '../../i18n/Ltr.tsx';
import { ExpiryNotice } from './ExpiryNotice.tsx';
import { Price } from './Price.tsx';

type Props = {
  record: ProductRecord;
  fetchedAt: number;
  fromCache: boolean;
  expiry?: string;
  lot?: string;
  complainHref: string;
  onRetry: () => void;
};

export function ProductView({ record, fetchedAt, fromCache, expiry, lot, complainHref, onRetry }: Props) {
  const t = useT();
  const { party, approvedPrice } = record;
  return (
    <article class="page product">
      <header class="product-header">
        <h1>{record.name}</h1>
        <p class="product-gtin">
          <span class="visually-hidden">{t('product:gtinLabel')}: </span>
          <Ltr class="product-gtin-value">{displayGtin(record.gtin)}</Ltr>
        </p>
      </header>

      {fromCache && (
        <section class="banner banner-info product-cache" role="status" aria-labelledby="product-cache-title">
          <h2 id="product-cache-title" class="product-banner-title">
            {t('product:cache.title')}
          </h2>
          <p>
            {t('product:cache.text', {
              age: formatAge(fetchedAt),
              date: formatDate(fetchedAt, { time: true }),
            })}
          </p>
          <button type="button" class="btn" onClick={onRetry}>
            {t('product:cache.retry')}
          </button>
        </section>
      )}

      <ExpiryNotice expiry={expiry} lot={lot} />

      <section class="card product-prices" aria-labelledby="product-price-heading">
        <h2 id="product-price-heading">{t('product:price.heading')}</h2>
        <dl class="product-facts">
          <div>
            <dt>{t('product:price.printed')}</dt>
            <dd>
              {record.printedPrice ? <Price rials={record.printedPrice} /> : t('product:price.printedNone')}
            </dd>
          </div>
          <div>
            <dt>{t('product:price.approved')}</dt>
            <dd>
              {approvedPrice ? (
                <>
                  <Price rials={approvedPrice.rials} />
                  <span class="product-meta">
                    {t('product:price.approvedMeta', {
                      date: formatDate(`${approvedPrice.approvedAt}T12:00:00Z`),
                      authority: approvedPrice.authority,
                    })}
                  </span>
                </>
              ) : (
                t('product:price.approvedNone')
              )}
            </dd>
          </div>
        </dl>
        <p class="product-meta">{t('product:price.rule')}</p>
        <a class="btn btn-primary btn-block" href={complainHref}>
          {t('product:paidMore.cta')}
        </a>
      </section>

      <section class="card" aria-labelledby="product-details-heading">
        <h2 id="product-details-heading" class="visually-hidden">
          {t('product:brand')}
        </h2>
        <dl class="product-facts">
          <div>
            <dt>{t('product:brand')}</dt>
            <dd>{record.brand}</dd>
          </div>
          <div>
            <dt>{t('product:size')}</dt>
            <dd>{record.size}</dd>
          </div>
          <div>
            <dt>{t(`product:party.${party.role}`)}</dt>
            <dd>{party.name}</dd>
          </div>
          {party.countryOfOrigin && (
            <div>
              <dt>{t('product:party.origin')}</dt>
              <dd>{party.countryOfOrigin}</dd>
            </div>
          )}
        </dl>
      </section>

      <section class="card" aria-labelledby="product-licences-heading">
        <h2 id="product-licences-heading">{t('product:licences.heading')}</h2>
        {record.licences.length === 0 ? (
          <p>{t('product:licences.none')}</p>
        ) : (
          <dl class="product-facts">
            {record.licences.map((l) => (
              <div key={l.kind}>
                <dt>{t(`product:licences.${l.kind}`)}</dt>
                <dd>{l.kind === 'irc' ? <Ltr>{l.number}</Ltr> : l.number}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </article>
  );
}
