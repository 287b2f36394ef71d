import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { type BenchMap, benchShops, mountBench } from './bench-page.ts';

// The same map as the near-me page draws, on Leaflet: raster tiles and a marker per shop.
mountBench(async (el, tiles, centre): Promise<BenchMap> => {
  const map = L.map(el, { zoomControl: false }).setView([centre.lat, centre.lng], 16);
  const layer = L.tileLayer(tiles, { maxZoom: 19 }).addTo(map);
  for (const s of await benchShops(centre)) L.circleMarker([s.lat, s.lng], { radius: 8 }).addTo(map);
  await new Promise<void>((resolve) => layer.once('load', () => resolve()));
  return { idle: () => new Promise((r) => setTimeout(r, 300)) };
});
