import type { LocationRecord } from '../../api/index.ts';
import { paths } from '../../api/paths.ts';
import { useT } from '../../app/t.ts';
import { formatDate, localDigits } from '../../i18n/format.ts';
import { Ltr } from '../../i18n/Ltr.tsx';
import { SLOT, Slotted } from './Slotted.tsx';
import './PlaceDetails.css';

/** The registered record, as a definition list: what a shopper checks against the shop in front of them. */
export function PlaceDetails({ record }: { record: LocationRecord }) {
  const t = useT();
  const { address, union } = record;
  const phone = union.phone.replace(/[^\d+]/g, '');
  return (
    <section class="card" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('place:details.heading')}</h2>
      <dl class="details">
        <dt>{t('place:status.activeLabel')}</dt>
        <dd>{t(`place:statusShort.${record.status}`)}</dd>

        <dt>{t('place:details.guild')}</dt>
        <dd>{localDigits(record.guild.name)}</dd>

        <dt>{t('place:details.union')}</dt>
        <dd>
          <span class="details-line">{localDigits(union.name)}</span>
          <a
            class="details-tel"
            href={`tel:${phone}`}
            aria-label={t('place:details.unionPhoneLabel', { phone: localDigits(union.phone) })}
          >
            <Ltr>{localDigits(union.phone)}</Ltr>
          </a>
          <span class="details-line place-muted">{localDigits(union.address)}</span>
        </dd>

        <dt>{t('place:details.isic')}</dt>
        <dd>
          <Slotted text={t('place:details.isicValue', { code: SLOT, title: localDigits(record.isic.title) })}>
            <Ltr>{record.isic.code}</Ltr>
          </Slotted>
        </dd>

        <dt>{t('place:details.licence')}</dt>
        <dd>
          <a class="details-link" href={paths.licence(record.licenceId)}>
            <Ltr>{record.licenceId}</Ltr>
          </a>
        </dd>

        <dt>{t('place:details.serviceCode')}</dt>
        <dd>
          <Ltr>{record.serviceCode}</Ltr>
        </dd>

        <dt>{t('place:details.address')}</dt>
        <dd>
          <span class="details-line">{localDigits(address.text)}</span>
        </dd>

        <dt>{t('place:details.floorUnitLabel')}</dt>
        <dd>
          {t('place:details.floorUnit', {
            floor: localDigits(address.floor),
            unit: localDigits(address.unit),
          })}
        </dd>

        <dt>{t('place:details.postcode')}</dt>
        <dd>
          <Ltr>{localDigits(address.postcode)}</Ltr>
        </dd>

        <dt>{t('place:details.pos')}</dt>
        <dd>
          {record.posTerminals.length === 0 ? (
            t('place:details.noPos')
          ) : (
            <>
              <ul class="details-pos">
                {record.posTerminals.map((p) => (
                  <li key={p.terminalId}>
                    {t('place:details.posItem', { name: localDigits(p.name), bank: p.bank })}
                  </li>
                ))}
              </ul>
              <span class="details-line place-muted">{t('place:details.posHint')}</span>
            </>
          )}
        </dd>
      </dl>
      <p class="place-muted details-updated">
        {t('place:details.updated', { date: formatDate(record.updatedAt) })}
      </p>
    </section>
  );
}
