// The page both map libraries are measured in: a full-screen map at a seeded city's centre,
// tiles from the reference service, the shops around as markers. The bench drives it over CDP
// and reads `window.benchResult`.

export type BenchMap = { idle(): Promise<void> };
type Centre = { lat: number; lng: number };

declare global {
  interface Window {
    benchReady?: number;
    benchFailed?: string;
    benchMap?: BenchMap;
  }
}

const query = new URLSearchParams(location.search);
const service = query.get('service') ?? '';

export async function benchShops(centre: Centre): Promise<{ lat: number; lng: number }[]> {
  const res = await fetch(`${service}/api/v1/locations?near=${centre.lat},${centre.lng}&radius=2000`);
  const body = (await res.json()) as { items: { geo: { lat: number; lng: number } }[] };
  return body.items.map((i) => i.geo);
}

export function mountBench(
  mount: (el: HTMLElement, tiles: string, centre: Centre) => Promise<BenchMap>,
): void {
  const el = document.getElementById('map')!;
  const centre = { lat: Number(query.get('lat')), lng: Number(query.get('lng')) };
  mount(el, `${service}/tiles/{z}/{x}/{y}.png`, centre).then(
    (map) => {
      window.benchMap = map;
      window.benchReady = performance.now();
    },
    (error: unknown) => {
      window.benchFailed = String(error);
    },
  );
}
