import type { LocationRecord } from '../../api/index.ts';
import { useT } from '../../app/t.ts';
import { localDigits } from '../../i18n/format.ts';
import { Ltr } from '../../i18n/Ltr.tsx';
import { SLOT, Slotted } from './Slotted.tsx';

type Props = { record: LocationRecord; ext?: string; fellBack: boolean };

/** The booth inside a passage (AI 254), or why the main location is shown instead. */
export function SubLocationNote({ record, ext, fellBack }: Props) {
  const t = useT();
  if (ext && fellBack) {
    return (
      <p class="banner banner-info place-banner" role="status">
        <Slotted text={t('place:sub.fellBack', { ext: SLOT })}>
          <Ltr>{ext}</Ltr>
        </Slotted>
      </p>
    );
  }
  const sub = record.subLocation;
  if (!sub) return null;
  return (
    <section class="card" aria-labelledby="sub-heading">
      <h2 id="sub-heading">{t('place:sub.heading')}</h2>
      <p>
        {t('place:sub.text', {
          name: localDigits(sub.name),
          floor: localDigits(sub.floor),
          unit: localDigits(sub.unit),
        })}{' '}
        (<Ltr>{sub.ext}</Ltr>)
      </p>
    </section>
  );
}
