import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, Staff } from '../../api/index.ts';
import type { StoredRequest } from '../store/types.ts';

// What a field action answers: its value, or a refusal as a status, a code and a locale key
// with parameters (the HTTP layer words it in the caller's language).

export type Refused = {
  ok: false;
  status: ContentfulStatusCode;
  code: ErrorCode;
  key: string;
  params?: Record<string, string | number>;
};
export type Outcome<T> = { ok: true; value: T } | Refused;

export const done = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refused = (
  status: ContentfulStatusCode,
  code: ErrorCode,
  key: string,
  params?: Record<string, string | number>,
): Refused => ({ ok: false, status, code, key, ...(params ? { params } : {}) });

/**
 * Nothing of another union's or another county's complaint is revealed, not even that it
 * exists: a refusal here reads exactly as an unknown id does.
 */
export const NOT_FOUND = (): Refused => refused(404, 'not-found', 'server:errors.notFound');

/**
 * Whose complaint it is: a union's clerks and manager work their union's; a county chamber's
 * inspectors and field agents work everything in their county. Operators run the service and
 * decide no case.
 */
export function worksOn(staff: Staff, req: StoredRequest, county: string | undefined): boolean {
  switch (staff.role) {
    case 'clerk':
    case 'manager':
      return staff.agency_id !== null && req.agencyId === staff.agency_id;
    case 'inspector':
    case 'field_agent':
      return staff.county !== null && county === staff.county;
    default:
      return false;
  }
}
