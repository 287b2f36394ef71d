import { createHash, randomUUID } from 'node:crypto';
import {
  MEDIA_MAX_BYTES,
  mayMove,
  type Staff,
  VISIT_DECISION,
  type Visit,
  type VisitOutcome,
} from '../../api/index.ts';
import { CATEGORIES } from '../complaints/categories.ts';
import type { ServiceDeps } from '../deps.ts';
import { reencode, sniffImage } from '../routes/media.ts';
import type { VisitRow } from '../store/field-types.ts';
import { done, NOT_FOUND, type Outcome, refused, worksOn } from './outcome.ts';

// An inspector's visit to a missing-plate report: what was found, with a photo taken there. The
// visit decides the report (VISIT_DECISION) and its reporter reads the outcome on their timeline.

/** The categories whose reports are visits to a place with no plate. */
export const MISSING_PLATE_CODES = CATEGORIES.filter((c) => c.enforcement).map((c) => c.code);

export const toVisit = (v: VisitRow): Visit => ({
  service_request_id: v.requestId,
  outcome: v.outcome,
  at: v.at,
  media_url: v.mediaUrl,
});

export async function recordVisit(
  deps: ServiceDeps,
  staff: Staff,
  requestId: string,
  outcome: VisitOutcome,
  photo: Uint8Array,
): Promise<Outcome<Visit>> {
  if (staff.role !== 'inspector') return refused(403, 'forbidden', 'desk:county.refusal.inspectors-only');
  const { store } = deps;
  const req = await store.request(requestId);
  if (!req || !MISSING_PLATE_CODES.includes(req.serviceCode)) return NOT_FOUND();
  if (!worksOn(staff, req, await store.requestCounty(requestId))) return NOT_FOUND();
  if (photo.length > MEDIA_MAX_BYTES) return refused(413, 'too-large', 'server:errors.tooLargeMedia');
  const kind = sniffImage(photo);
  if (!kind) return refused(415, 'unsupported-media-type', 'server:errors.unsupportedMedia');
  let image: Awaited<ReturnType<typeof reencode>>;
  try {
    image = await reencode(photo, kind);
  } catch {
    return refused(400, 'bad-body', 'server:errors.badImage');
  }
  const sha = createHash('sha256').update(image.data).digest('hex');
  const now = deps.now();
  await deps.media.put(`${sha}.${kind.ext}`, image.data, now);
  const at = now.toISOString();
  const row: VisitRow = {
    id: randomUUID(),
    requestId,
    outcome,
    at,
    mediaUrl: `/api/v1/media/${sha}.${kind.ext}`,
    staffId: staff.id,
    staffName: staff.name,
  };
  await store.transaction(async () => {
    const current = (await store.request(requestId)) ?? req;
    const decision = VISIT_DECISION[outcome];
    const decides = mayMove('chamber', current.substatus, decision);
    await store.addVisit(row);
    await store.updateRequest(
      requestId,
      {
        substatus: decides ? decision : current.substatus,
        escalated: current.escalated,
        enforcementStage: current.enforcementStage,
        expectedAt: current.expectedAt,
        updatedAt: at,
      },
      [
        { type: 'reply', datetime: at, author: 'chamber', text: '', code: 'visit', params: { outcome } },
        ...(decides
          ? [
              {
                type: 'status_change' as const,
                datetime: at,
                author: 'chamber' as const,
                text: '',
                substatus: decision,
                code: 'status',
              },
            ]
          : []),
      ],
    );
  });
  return done(toVisit(row));
}
