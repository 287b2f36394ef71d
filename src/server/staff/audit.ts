import type { Staff } from '../../api/index.ts';
import type { Store } from '../store/types.ts';

// Every action a person takes at the desk (a reply, a status change, an enforcement stage, a
// verification, an account change) is appended here with who and when. The name, role and agency
// are copied as they are now, so the trail still reads right after an account changes or goes.

export async function audit(
  store: Store,
  staff: Staff,
  action: string,
  target: string,
  detail?: Record<string, string | number | boolean>,
): Promise<void> {
  await store.appendAudit({
    at: new Date().toISOString(),
    staffId: staff.id,
    staffName: staff.name,
    role: staff.role,
    agencyId: staff.agency_id,
    action,
    target,
    detail: detail ?? null,
  });
}
