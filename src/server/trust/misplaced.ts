import type { Geo, MisplacedPlateItem } from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { distanceM } from '../store/registry-rows.ts';
import { MISPLACED_AFTER, trustWindows } from './formula.ts';

// The county chamber's misplaced plates: shops whose plate enough shoppers read far from its
// registered point (the formula's rule, formula.ts), for an inspector to visit. Nearest first
// when the inspector says where they are, else the latest reading first.

export async function misplacedPlates(
  deps: Pick<ServiceDeps, 'store' | 'now'>,
  county: string,
  near?: Geo,
): Promise<MisplacedPlateItem[]> {
  const since = trustWindows(deps.now()).readings;
  const items = (await deps.store.misplacedPlates(county, since, MISPLACED_AFTER)).map((r) => {
    const geo = { lat: r.lat, lng: r.lng };
    return {
      gln: r.gln,
      name: r.name,
      geo,
      far_installs: r.farInstalls,
      near_installs: r.nearInstalls,
      last_reading: r.lastAt,
      ...(near ? { distance: Math.round(distanceM(near, geo)) } : {}),
    };
  });
  if (near) items.sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0));
  return items;
}
