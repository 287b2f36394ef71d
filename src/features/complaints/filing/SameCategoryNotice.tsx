import { useEffect, useState } from 'preact/hooks';
import { api } from '../../../api/app-client.ts';
import { paths } from '../../../api/paths.ts';
import { useT } from '../../../app/t.ts';
import { type Complaint, openSameCategory } from '../../../db/complaints.ts';
import { MeTooOffer } from './MeTooOffer.tsx';

type Props = { gln: string; serviceCode: string };

/**
 * Says so when this device already has an open complaint of the same category about this shop,
 * and how many others are open (public counts only: the public never sees whose they are). When
 * others are open and none is this device's, offers "me too" instead of a duplicate.
 */
export function SameCategoryNotice({ gln, serviceCode }: Props) {
  const t = useT();
  // undefined until the local lookup answers, so the offer never flashes before "you already have one".
  const [mine, setMine] = useState<Complaint | null>();
  const [others, setOthers] = useState(0);
  useEffect(() => {
    let live = true;
    setMine(undefined);
    setOthers(0);
    void openSameCategory(gln, serviceCode).then((list) => live && setMine(list[0] ?? null));
    void api()
      .complaintCounts(gln)
      .then((r) => {
        if (!live || r.status !== 'ok') return;
        setOthers(r.data.byCategory.find((c) => c.service_code === serviceCode)?.count ?? 0);
      });
    return () => {
      live = false;
    };
  }, [gln, serviceCode]);
  const othersOpen = Math.max(0, others - (mine?.serverId ? 1 : 0));
  if (!mine && othersOpen === 0) return null;
  return (
    <>
      <div class="banner banner-warn" role="status">
        {mine && (
          <p>
            {t('complaints:form.alreadyOpen')}{' '}
            <a href={paths.complaint(mine.id)}>{t('complaints:form.alreadyOpenLink')}</a>
          </p>
        )}
        {othersOpen > 0 && <p>{t('complaints:form.othersOpen', { count: othersOpen })}</p>}
      </div>
      {mine === null && othersOpen > 0 && <MeTooOffer gln={gln} serviceCode={serviceCode} />}
    </>
  );
}
