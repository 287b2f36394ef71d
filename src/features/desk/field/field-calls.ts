import {
  type CountyQueue,
  type CountyReply,
  type DeskComplaint,
  type EnforcementInput,
  type EnforcementResult,
  FIELD_API,
  type Geo,
  type ShopEnforcementState,
  type VerifyInput,
  type VerifyResult,
  type VerifyTarget,
  type Visit,
  type VisitInput,
} from '../../../api/index.ts';
import { deskClient } from '../session.ts';

// Field work's calls, each one URL through the desk's one client (which adds the CSRF token and
// sends a signed-out person to sign in).

export const fieldCalls = {
  enforcement: (id: string) =>
    deskClient().get<ShopEnforcementState>(`${FIELD_API.enforcement}/${encodeURIComponent(id)}`),
  recordStage: (input: EnforcementInput) =>
    deskClient().send<EnforcementResult>('POST', FIELD_API.enforcement, input),
  county: (near?: Geo) =>
    deskClient().get<CountyQueue>(
      near ? `${FIELD_API.county}?near=${near.lat},${near.lng}` : FIELD_API.county,
    ),
  countyCase: (id: string) => deskClient().get<DeskComplaint>(FIELD_API.countyCase(encodeURIComponent(id))),
  countyReply: (id: string, input: CountyReply) =>
    deskClient().send<DeskComplaint>('POST', `${FIELD_API.countyCase(encodeURIComponent(id))}/reply`, input),
  recordVisit: (input: VisitInput) => deskClient().send<Visit>('POST', FIELD_API.visits, input),
  verifyTarget: (gln: string) => deskClient().get<VerifyTarget>(FIELD_API.verify(gln)),
  verify: (gln: string, input: VerifyInput) =>
    deskClient().send<VerifyResult>('POST', FIELD_API.verify(gln), input),
};

/** A photo's bytes as the visit call carries them. */
export async function photoBase64(photo: Blob): Promise<string> {
  const bytes = new Uint8Array(await photo.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
