import { randomUUID } from 'node:crypto';
import {
  MAX_FIX_ACCURACY_M,
  MAX_FIX_DISTANCE_M,
  type Staff,
  type VerifyInput,
  type VerifyResult,
  type VerifyTarget,
} from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { distanceM } from '../store/registry-rows.ts';
import { done, NOT_FOUND, type Outcome, refused } from './outcome.ts';

// Level 4 (instruction art. 20, note 11): a field agent at the shop records the phone's fix and
// checks floor, unit and plate against the registry. A fix too coarse to place them at the shop,
// or too far from the registered point, proves nothing and is refused with the reason.

async function target(deps: ServiceDeps, staff: Staff, gln: string) {
  if (staff.role !== 'field_agent' || !staff.county) return undefined;
  const record = await deps.store.location(gln);
  return record && record.address.county === staff.county ? record : undefined;
}

export async function verifyTarget(
  deps: ServiceDeps,
  staff: Staff,
  gln: string,
): Promise<Outcome<VerifyTarget>> {
  if (staff.role !== 'field_agent') return refused(403, 'forbidden', 'desk:verify.refusal.agents-only');
  const record = await target(deps, staff, gln);
  if (!record) return NOT_FOUND();
  const last = await deps.store.lastVerification(gln);
  return done({
    gln,
    name: record.name,
    address: record.address.text,
    floor: record.address.floor,
    unit: record.address.unit,
    geo: record.geo,
    verificationLevel: record.verificationLevel,
    ...(last ? { verification: { at: last.at, by: last.staffName } } : {}),
  });
}

export async function verifyOnSite(
  deps: ServiceDeps,
  staff: Staff,
  gln: string,
  input: VerifyInput,
): Promise<Outcome<VerifyResult>> {
  if (staff.role !== 'field_agent') return refused(403, 'forbidden', 'desk:verify.refusal.agents-only');
  const record = await target(deps, staff, gln);
  if (!record) return NOT_FOUND();
  if (!input.floor_ok || !input.unit_ok || !input.plate_ok)
    return refused(422, 'validation', 'desk:verify.refusal.checks-incomplete');
  const accuracy = Math.round(input.accuracy);
  if (input.accuracy > MAX_FIX_ACCURACY_M)
    return refused(422, 'validation', 'desk:verify.refusal.fix-too-coarse', {
      accuracy,
      max: MAX_FIX_ACCURACY_M,
    });
  const distance = Math.round(distanceM({ lat: input.lat, lng: input.lng }, record.geo));
  if (distance > MAX_FIX_DISTANCE_M)
    return refused(422, 'validation', 'desk:verify.refusal.fix-too-far', {
      distance,
      max: MAX_FIX_DISTANCE_M,
    });
  const at = deps.now().toISOString();
  await deps.store.addVerification({
    id: randomUUID(),
    gln,
    at,
    staffId: staff.id,
    staffName: staff.name,
    fix: { ...input, distance },
  });
  deps.records.clear();
  return done({ gln, verificationLevel: 4, verification: { at, by: staff.name }, distance });
}
