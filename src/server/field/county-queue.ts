import {
  type CountyCase,
  type CountyQueue,
  type Geo,
  isOpen,
  type MissingPlateItem,
  type Staff,
} from '../../api/index.ts';
import { CATEGORY_BY_CODE } from '../complaints/categories.ts';
import type { ServiceDeps } from '../deps.ts';
import { distanceM } from '../store/registry-rows.ts';
import { misplacedPlates } from '../trust/misplaced.ts';
import { escalateOverdue } from './escalation.ts';
import { done, type Outcome, refused } from './outcome.ts';
import { MISSING_PLATE_CODES, toVisit } from './visits.ts';

// The county chamber's queue: complaints an objection or the Art. 72 deadline sent up, and the
// missing-plate reports of the county, nearest to the inspector first when they say where they are.

export async function countyQueue(
  deps: ServiceDeps,
  staff: Staff,
  near?: Geo,
): Promise<Outcome<CountyQueue>> {
  if (staff.role !== 'inspector' || !staff.county)
    return refused(403, 'forbidden', 'desk:county.refusal.inspectors-only');
  const county = staff.county;
  // The check when read: nothing overdue waits for the timer.
  await escalateOverdue(deps);
  const cases: CountyCase[] = (await deps.store.countyCases(county)).map((r) => ({
    service_request_id: r.id,
    service_code: r.serviceCode,
    service_name: CATEGORY_BY_CODE.get(r.serviceCode)?.name ?? r.serviceCode,
    substatus: r.substatus,
    requested_datetime: r.requestedAt,
    expected_datetime: r.expectedAt,
    reason: r.escalated ? 'objection' : 'overdue',
    enforcement_stage: r.enforcementStage,
    ...(r.gln ? { address_id: r.gln } : {}),
    ...(r.locationName ? { location_name: r.locationName } : {}),
  }));
  const reports: MissingPlateItem[] = [];
  for (const code of MISSING_PLATE_CODES)
    for (const r of await deps.store.countyReports(county, code)) {
      if (r.lat === null || r.lng === null || !isOpen(r.substatus)) continue;
      const geo = { lat: r.lat, lng: r.lng };
      const [visit] = await deps.store.visits(r.id);
      reports.push({
        service_request_id: r.id,
        requested_datetime: r.requestedAt,
        geo,
        ...(r.address ? { address: r.address } : {}),
        ...(r.description ? { description: r.description } : {}),
        media_urls: r.mediaUrls,
        ...(near ? { distance: Math.round(distanceM(near, geo)) } : {}),
        ...(visit ? { visit: toVisit(visit) } : {}),
      });
    }
  if (near) reports.sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0));
  return done({
    county,
    cases,
    missing_plates: reports,
    misplaced_plates: await misplacedPlates(deps, county, near),
  });
}
