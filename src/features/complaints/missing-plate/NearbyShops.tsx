import { useEffect, useState } from 'preact/hooks';
import { api } from '../../../api/app-client.ts';
import type { NearbyItem } from '../../../api/index.ts';
import type { Fix } from '../../../api/plate-verdict.ts';
import { useT } from '../../../app/t.ts';
import { PersianText } from '../../../ui/PersianText.tsx';

type Props = { fix: Fix; onPick: (shop: NearbyItem) => void; onNone: () => void };

/** "Is it one of these?": registered shops around the shopper, nearest first. */
export function NearbyShops({ fix, onPick, onNone }: Props) {
  const t = useT();
  const [items, setItems] = useState<NearbyItem[] | 'failed'>();
  useEffect(() => {
    let live = true;
    // Wide enough for a poor GPS fix in a covered bazaar, small enough to stay a short list.
    const radius = Math.min(500, Math.max(100, fix.accuracy * 2));
    void api()
      .nearby(fix.lat, fix.lng, radius)
      .then((r) => {
        if (!live) return;
        setItems(r.status === 'ok' ? [...r.data.items].sort((a, b) => a.distance - b.distance) : 'failed');
      });
    return () => {
      live = false;
    };
  }, [fix.lat, fix.lng]);
  return (
    <section aria-labelledby="nearby-heading">
      <h2 id="nearby-heading">{t('complaints:missing.nearbyHeading')}</h2>
      {items === undefined && <p role="status">{t('complaints:missing.nearbyLoading')}</p>}
      {items === 'failed' && <p class="banner banner-warn">{t('complaints:missing.nearbyFailed')}</p>}
      {Array.isArray(items) && items.length === 0 && <p>{t('complaints:missing.nearbyEmpty')}</p>}
      {Array.isArray(items) && items.length > 0 && (
        <ul class="nearby-list">
          {items.map((s) => (
            <li key={s.gln} class="card nearby-item">
              <p class="nearby-name">{s.name}</p>
              <p class="nearby-meta">
                <PersianText text={s.address} />
              </p>
              <p class="nearby-meta">
                {s.guild.name} · {t('complaints:missing.distance', { m: Math.round(s.distance) })}
              </p>
              <button
                type="button"
                class="btn btn-block"
                aria-label={`${t('complaints:missing.pickThis')}: ${s.name}`}
                onClick={() => onPick(s)}
              >
                {t('complaints:missing.pickThis')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {items !== undefined && (
        <button type="button" class="btn btn-primary btn-block" onClick={onNone}>
          {t('complaints:missing.noneOfThese')}
        </button>
      )}
    </section>
  );
}
