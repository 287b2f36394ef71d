import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { Geo, MapSource } from '../../api/index.ts';
import { paths } from '../../api/paths.ts';
import type { NearShop } from './near-filters.ts';

// The map itself, on Leaflet (chosen by `npm run bench:map`, README "Library choices"). Loaded
// only when the shopper opens the map view: never in the first paint, not even in the list's chunk.

export type MapLabels = { you: string; credit: string; open: (name: string) => string };

export type MountedMap = { show(shops: readonly NearShop[]): void; destroy(): void };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Each shop a link: a keyboard or screen-reader user reaches the shop page from the map too. */
function shopIcon(shop: NearShop, label: string): L.DivIcon {
  const a = document.createElement('a');
  a.className = 'near-marker';
  a.href = paths.place(shop.gln);
  a.setAttribute('aria-label', label);
  a.dataset.gln = shop.gln;
  return L.divIcon({ html: a, className: 'near-marker-box', iconSize: [24, 24], iconAnchor: [12, 12] });
}

export function mountMap(
  el: HTMLElement,
  opts: { source: MapSource; centre: Geo; labels: MapLabels },
): MountedMap {
  const { source, centre, labels } = opts;
  const map = L.map(el, { zoomControl: true, attributionControl: false }).setView(
    [centre.lat, centre.lng],
    16,
  );
  L.tileLayer(source.url, { maxZoom: source.maxZoom }).addTo(map);
  // The credit is text we set, in the page's direction; an operator's TILE_ATTRIBUTION is escaped.
  L.control
    .attribution({ prefix: false })
    .addAttribution(`<span dir="auto">${escapeHtml(labels.credit)}</span>`)
    .addTo(map);
  const you = document.createElement('span');
  you.className = 'near-you';
  you.setAttribute('role', 'img');
  you.setAttribute('aria-label', labels.you);
  L.marker([centre.lat, centre.lng], {
    icon: L.divIcon({ html: you, className: 'near-you-box', iconSize: [18, 18] }),
    interactive: false,
    keyboard: false,
  }).addTo(map);
  const layer = L.layerGroup().addTo(map);
  let framed = false;
  return {
    show(shops) {
      layer.clearLayers();
      // The first time, frame the shopper and every shop; later filter changes keep the view.
      if (!framed && shops.length > 0) {
        framed = true;
        const bounds = L.latLngBounds([
          [centre.lat, centre.lng],
          ...shops.map((s): [number, number] => [s.geo.lat, s.geo.lng]),
        ]);
        map.fitBounds(bounds, { padding: [28, 28], maxZoom: 17 });
      }
      for (const s of shops) {
        // The marker is a link: the app's router takes its tap like a link in the list.
        layer.addLayer(
          L.marker([s.geo.lat, s.geo.lng], { icon: shopIcon(s, labels.open(s.name)), keyboard: false }),
        );
      }
    },
    destroy() {
      map.remove();
    },
  };
}
