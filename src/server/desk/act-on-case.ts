import type { Context } from 'hono';
import { refusalKey } from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import type { UpdateAction } from '../lifecycle/apply-update.ts';
import { commitUpdate } from '../lifecycle/commit-update.ts';
import { audit } from '../staff/audit.ts';
import type { DeskEnv } from '../staff/require-staff.ts';

// A desk person's move on a complaint, as the clerk's queue and the county's cases both make it:
// inside one transaction, only if the caller may act on this complaint, along the lifecycle;
// a refusal answered in the caller's language, a success audited with who and what.

/**
 * `undefined` when the update was committed and audited (the caller answers with the complaint);
 * otherwise the answer: 404 when the caller may not act on it (as for an unknown id), 409 when
 * the lifecycle refuses.
 */
export async function actOnCase(
  deps: ServiceDeps,
  c: Context<DeskEnv>,
  id: string,
  mayAct: () => Promise<boolean>,
  update: UpdateAction,
  trail: { action: string; detail: Record<string, string> },
): Promise<Response | undefined> {
  const { store } = deps;
  const result = await store.transaction(async () =>
    (await mayAct()) ? commitUpdate(store, id, update, deps.now()) : undefined,
  );
  if (!result) return fail(c, 404, 'not-found', MESSAGES.requestNotFound);
  if (!result.ok) {
    const { code, reason, params } = result.refusal;
    return fail(c, 409, code, refusalKey(reason), undefined, params ?? {});
  }
  await audit(store, c.var.staff, trail.action, id, trail.detail);
  return undefined;
}
