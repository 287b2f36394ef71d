import type { ApiClient } from '../../api/client.ts';
import { paths } from '../../api/paths.ts';
import { useT } from '../../app/t.ts';
import { localDigits } from '../../i18n/format.ts';
import { Ltr } from '../../i18n/Ltr.tsx';
import { CacheNotice } from './CacheNotice.tsx';
import { ComplaintCounts } from './ComplaintCounts.tsx';
import { EnforcementRecord } from './EnforcementRecord.tsx';
import type { PlaceLoad } from './load-place.ts';
import { OtherLocations } from './OtherLocations.tsx';
import { OutcomesSlot } from './OutcomesSlot.tsx';
import { PlaceDetails } from './PlaceDetails.tsx';
import { PlateCheck } from './PlateCheck.tsx';
import { StatusBanner } from './StatusBanner.tsx';
import { SubLocationNote } from './SubLocationNote.tsx';
import { TrustBadge } from './TrustBadge.tsx';
import { TrustWhy } from './TrustWhy.tsx';
import { useComplaintCounts } from './use-place.ts';
import { VerificationLevel } from './VerificationLevel.tsx';

type Props = {
  load: Extract<PlaceLoad, { kind: 'loaded' }>;
  ext?: string;
  client: ApiClient;
  onRetry: () => void;
};

export function PlaceView({ load, ext, client, onRetry }: Props) {
  const t = useT();
  const { record } = load;
  // Counts are public but live: a cached page shows none rather than stale ones.
  const counts = useComplaintCounts(load.fromCache ? null : record.gln, client);
  const knownExt = load.extFellBack ? undefined : record.subLocation?.ext;
  const complainHref = paths.newComplaint(record.gln, { ext: knownExt });

  return (
    <article class="page place" aria-labelledby="place-name">
      <header class="place-head">
        <h1 id="place-name">{localDigits(record.name)}</h1>
        <p class="place-sub">
          <span>{t(`place:role.${record.role}`)}</span>
          <span aria-hidden="true"> · </span>
          <span class="visually-hidden">{t('place:glnLabel')}: </span>
          <Ltr class="place-gln">{record.gln}</Ltr>
        </p>
        {record.trust && <TrustBadge trust={record.trust} />}
      </header>
      {record.trust && <TrustWhy trust={record.trust} />}

      {load.fromCache && <CacheNotice fetchedAt={load.fetchedAt} onRetry={onRetry} />}
      <StatusBanner record={record} />
      <EnforcementRecord stages={record.enforcement} />
      <SubLocationNote record={record} ext={ext} fellBack={load.extFellBack} />

      <section class="place-actions" aria-label={t('place:actions.label')}>
        <a class="btn btn-primary btn-block" href={complainHref}>
          {t('place:actions.complain')}
        </a>
        <PlateCheck gln={record.gln} registered={record.geo} client={client} />
      </section>

      <VerificationLevel level={record.verificationLevel} verification={record.verification} />
      <PlaceDetails record={record} />
      <OtherLocations others={record.otherLocations} />
      {counts && <ComplaintCounts counts={counts} />}
      {!load.fromCache && <OutcomesSlot gln={record.gln} client={client} />}
    </article>
  );
}
