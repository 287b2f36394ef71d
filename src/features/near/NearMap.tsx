import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/app-client.ts';
import { API_BASE_URL } from '../../api/base-url.ts';
import type { Geo, MapSource } from '../../api/index.ts';
import { useT } from '../../app/t.ts';
import type { MountedMap } from './leaflet-map.ts';
import type { NearShop } from './near-filters.ts';

type Props = { centre: Geo; shops: readonly NearShop[] };

/** The map view: asks the service where tiles come from, then loads the map library. */
export function NearMap({ centre, shops }: Props) {
  const t = useT();
  const box = useRef<HTMLElement>(null);
  const map = useRef<MountedMap | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let live = true;
    (async () => {
      const [source, lib] = await Promise.all([api().mapSource(), import('./leaflet-map.ts')]);
      if (!live || !box.current) return;
      if (source.status !== 'ok') return setState('failed');
      // The service's own tiles are a path on the service, which need not be the page's origin.
      const s: MapSource = source.data.url.startsWith('/')
        ? { ...source.data, url: `${API_BASE_URL.replace(/\/$/, '')}${source.data.url}` }
        : source.data;
      map.current = lib.mountMap(box.current, {
        source: s,
        centre,
        labels: {
          you: t('near:map.you'),
          credit: s.attribution
            ? t('near:map.credit', { attribution: s.attribution })
            : t('near:map.ownTiles'),
          open: (name) => `${name}: ${t('near:map.open')}`,
        },
      });
      map.current.show(shops);
      setState('ready');
    })().catch(() => live && setState('failed'));
    return () => {
      live = false;
      map.current?.destroy();
      map.current = null;
    };
  }, [centre.lat, centre.lng]);

  useEffect(() => {
    map.current?.show(shops);
  }, [shops]);

  return (
    <div class="near-map-wrap">
      {state === 'loading' && <p role="status">{t('near:map.loading')}</p>}
      {state === 'failed' && (
        <p class="banner banner-warn" role="alert">
          {t('near:map.failed')}
        </p>
      )}
      <section ref={box} class="near-map" dir="ltr" aria-label={t('near:map.label')} />
    </div>
  );
}
