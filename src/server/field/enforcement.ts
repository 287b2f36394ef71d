import {
  actorOf,
  currentStage,
  type EnforcementInput,
  type EnforcementResult,
  enforcementRefusal,
  nextStages,
  type ShopEnforcement,
  type ShopEnforcementState,
  type Staff,
  stageEnds,
} from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';
import type { EnforcementRow } from '../store/field-types.ts';
import { done, NOT_FOUND, type Outcome, refused, worksOn } from './outcome.ts';

// Enforcement stages against a shop (its GLN), each taken for one of its complaints. The order
// is lifecycle.ts's; who may take which is field.ts's. A seal closes the shop on its public
// record and lifting it opens it again; the complaint's timeline shows the stage to its reporter.

export const toPublic = (r: EnforcementRow): ShopEnforcement => ({
  stage: r.stage,
  at: r.at,
  ...(r.until ? { until: r.until } : {}),
  service_request_id: r.requestId,
});

/** The complaint, its shop and its county, when this person works on it. */
async function caseFor(deps: ServiceDeps, staff: Staff, id: string) {
  const req = await deps.store.request(id);
  if (!req) return undefined;
  const county = await deps.store.requestCounty(id);
  return worksOn(staff, req, county) ? req : undefined;
}

export async function enforcementState(
  deps: ServiceDeps,
  staff: Staff,
  requestId: string,
): Promise<Outcome<ShopEnforcementState>> {
  const req = await caseFor(deps, staff, requestId);
  if (!req) return NOT_FOUND();
  if (!req.gln) return refused(409, 'invalid-transition', 'desk:enforcement.refusal.no-shop');
  const history = await deps.store.shopEnforcement(req.gln);
  const stage = currentStage(history);
  return done({ gln: req.gln, stage, next: nextStages(staff.role, stage), history: history.map(toPublic) });
}

export async function recordEnforcement(
  deps: ServiceDeps,
  staff: Staff,
  input: EnforcementInput,
): Promise<Outcome<EnforcementResult>> {
  const req = await caseFor(deps, staff, input.service_request_id);
  if (!req) return NOT_FOUND();
  const gln = req.gln;
  if (!gln) return refused(409, 'invalid-transition', 'desk:enforcement.refusal.no-shop');
  const now = deps.now().toISOString();
  const { store } = deps;
  const result = await store.transaction(async (): Promise<Outcome<EnforcementResult>> => {
    const history = await store.shopEnforcement(gln);
    const from = currentStage(history);
    const why = enforcementRefusal(staff.role, from, input.stage);
    if (why === 'stage-not-yours')
      return refused(403, 'forbidden', 'desk:enforcement.refusal.stage-not-yours', { stage: input.stage });
    if (why === 'stage-order')
      return refused(409, 'invalid-transition', 'desk:enforcement.refusal.stage-order', {
        from,
        to: input.stage,
      });
    const until = stageEnds(input.stage, now) ?? null;
    const row = {
      gln,
      stage: input.stage,
      at: now,
      until,
      requestId: req.id,
      staffId: staff.id,
      staffName: staff.name,
      staffRole: staff.role,
    };
    await store.addShopEnforcement(row, (history[0]?.seq ?? 0) + 1);
    const record = await store.location(gln);
    if (input.stage === 'seal' && record?.status === 'active')
      await store.setLocationStatus(gln, 'sealed', now);
    if (input.stage === 'lifted' && record?.status === 'sealed')
      await store.setLocationStatus(gln, 'active', now);
    await store.updateRequest(
      req.id,
      {
        substatus: req.substatus,
        escalated: req.escalated,
        enforcementStage: input.stage,
        expectedAt: req.expectedAt,
        updatedAt: now,
      },
      [
        {
          type: 'enforcement',
          datetime: now,
          // Written as the body the person acts for: a clerk's warning is the union's, an
          // inspector's seal the chamber's.
          author: actorOf(staff.role) ?? 'union',
          text: '',
          enforcement_stage: input.stage,
          code: 'enforcement',
          ...(until ? { params: { until } } : {}),
        },
      ],
    );
    const after = await store.shopEnforcement(gln);
    return done({ gln, stage: input.stage, history: after.map(toPublic) });
  });
  if (result.ok) deps.records.clear();
  return result;
}
