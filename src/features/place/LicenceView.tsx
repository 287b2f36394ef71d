import type { LicenceRecord } from '../../api/index.ts';
import { paths } from '../../api/paths.ts';
import { useT } from '../../app/t.ts';
import { formatDate, localDigits } from '../../i18n/format.ts';
import { Ltr } from '../../i18n/Ltr.tsx';
import { SLOT, Slotted } from './Slotted.tsx';

export function LicenceView({ licence }: { licence: LicenceRecord }) {
  const t = useT();
  const expired = Date.parse(licence.expiresAt) < Date.now();
  return (
    <article class="page place" aria-labelledby="licence-heading">
      <h1 id="licence-heading">
        <Slotted text={t('place:licence.heading', { id: SLOT })}>
          <Ltr>{licence.licenceId}</Ltr>
        </Slotted>
      </h1>
      {expired && (
        <p class="banner banner-warn" role="status">
          <span aria-hidden="true">⚠ </span>
          {t('place:licence.expired', { date: formatDate(licence.expiresAt) })}
        </p>
      )}
      <section class="card">
        <dl class="details">
          <dt>{t('place:licence.holder')}</dt>
          <dd>{localDigits(licence.holder)}</dd>
          <dt>{t('place:licence.guild')}</dt>
          <dd>{localDigits(licence.guild.name)}</dd>
          <dt>{t('place:licence.union')}</dt>
          <dd>{localDigits(licence.union.name)}</dd>
          <dt>{t('place:licence.isic')}</dt>
          <dd>
            <Slotted
              text={t('place:details.isicValue', { code: SLOT, title: localDigits(licence.isic.title) })}
            >
              <Ltr>{licence.isic.code}</Ltr>
            </Slotted>
          </dd>
          <dt>{t('place:licence.valid')}</dt>
          <dd>
            {t('place:licence.validRange', {
              from: formatDate(licence.issuedAt),
              to: formatDate(licence.expiresAt),
            })}
          </dd>
        </dl>
      </section>
      <section class="card" aria-labelledby="licence-locations">
        <h2 id="licence-locations">{t('place:licence.locations')}</h2>
        {licence.locations.length === 0 ? (
          <p>{t('place:licence.noLocations')}</p>
        ) : (
          <ul class="place-links">
            {licence.locations.map((l) => (
              <li key={l.gln} class="licence-location">
                <a href={paths.place(l.gln)}>
                  {t('place:others.item', { name: localDigits(l.name), role: t(`place:role.${l.role}`) })}
                </a>
                {l.status !== 'active' && (
                  <span class="place-muted">
                    {' '}
                    {t('place:others.statusNote', { status: t(`place:statusShort.${l.status}`) })}
                  </span>
                )}
                <span class="details-line place-muted">{localDigits(l.address)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
