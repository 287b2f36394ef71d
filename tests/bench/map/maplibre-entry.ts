import { Map as MaplibreMap } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { type BenchMap, benchShops, mountBench } from './bench-page.ts';

// The same map on MapLibre GL: the raster tiles as a raster source, the shops as a circle layer
// (MapLibre's way to draw many points; DOM markers would be slower still).
mountBench(async (el, tiles, centre): Promise<BenchMap> => {
  const shops = await benchShops(centre);
  const map = new MaplibreMap({
    container: el,
    center: [centre.lng, centre.lat],
    zoom: 16,
    style: {
      version: 8,
      sources: {
        tiles: { type: 'raster', tiles: [tiles], tileSize: 256, maxzoom: 19 },
        shops: {
          type: 'geojson',
          data: {
            type: 'FeatureCollection',
            features: shops.map((s) => ({
              type: 'Feature',
              properties: {},
              geometry: { type: 'Point', coordinates: [s.lng, s.lat] },
            })),
          },
        },
      },
      layers: [
        { id: 'tiles', type: 'raster', source: 'tiles' },
        {
          id: 'shops',
          type: 'circle',
          source: 'shops',
          paint: { 'circle-radius': 8, 'circle-color': '#3388ff' },
        },
      ],
    },
  });
  await new Promise<void>((resolve) => map.once('idle', () => resolve()));
  // 'idle' fires once after a render: ask for one, or a map already at rest never answers.
  return {
    idle: () =>
      new Promise((resolve) => {
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  };
});
