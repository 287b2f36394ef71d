import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../app/t.ts';
import { type Complaint, openSameCategory } from '../../db/complaints.ts';
import { apiClient } from '../../sync/api.ts';

type Props = { gln: string; serviceCode: string };

/**
 * Says so when this device already has an open complaint of the same category about this shop,
 * and how many others are open (public counts only: the public never sees whose they are).
 */
export function SameCategoryNotice({ gln, serviceCode }: Props) {
  const t = useT();
  const [mine, setMine] = useState<Complaint>();
  const [others, setOthers] = useState(0);
  useEffect(() => {
    let live = true;
    void openSameCategory(gln, serviceCode).then((list) => live && setMine(list[0]));
    void apiClient()
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
    <div class="banner banner-warn" role="status">
      {mine && (
        <p>
          {t('complaints:form.alreadyOpen')}{' '}
          <a href={`/complaints/${mine.id}`}>{t('complaints:form.alreadyOpenLink')}</a>
        </p>
      )}
      {othersOpen > 0 && <p>{t('complaints:form.othersOpen', { count: othersOpen })}</p>}
    </div>
  );
}
