import type { ServiceDeps } from '../deps.ts';
import { MESSAGES } from '../http/errors.ts';
import { dayOf } from './limits.ts';

// Daily caps on filing, per install and per install and shop, and the rule that sets a
// complaint aside for triage instead of into the desk's queue: too many today from one install,
// one address or about one shop, or an install a clerk has caught sending spam. A flood then
// waits in one group the clerk can judge at once, and the real complaints stay in view.

/** A refusal is a code and its sentence's locale key; intake words it in the request's language. */
export type Admission =
  | { ok: true; triage: string | null }
  | { ok: false; code: 'quota-exceeded'; message: typeof MESSAGES.complaintQuota };

const short = (h: string) => h.slice(0, 12);

export async function admitComplaint(
  deps: ServiceDeps,
  who: { installHash: string; addressKey: string },
  gln: string | null,
  now: Date,
): Promise<Admission> {
  const { store, limits } = deps;
  const d = limits.daily;
  const day = dayOf(now);
  const refuse = (): Admission => ({ ok: false, code: 'quota-exceeded', message: MESSAGES.complaintQuota });
  if (
    gln &&
    !(await store.takeQuota(
      `complaints:install-shop:${who.installHash}:${gln}`,
      day,
      d.complaintsPerInstallShop,
    ))
  )
    return refuse();
  const byInstall = await store.takeQuota(
    `complaints:install:${who.installHash}`,
    day,
    d.complaintsPerInstall,
  );
  if (!byInstall) return refuse();
  const byAddress = await store.bumpCount(`complaints:address:${who.addressKey}`, day);
  const byShop = gln ? await store.bumpCount(`complaints:shop:${gln}`, day) : 0;

  let triage: string | null = null;
  if ((await store.strikes(`install:${who.installHash}`)) > 0)
    triage = `spam-install:${short(who.installHash)}`;
  else if (byInstall > d.triageAfterPerInstall) triage = `install:${short(who.installHash)}`;
  else if (byAddress > d.triageAfterPerAddress) triage = `address:${short(who.addressKey)}:${day}`;
  else if (gln && byShop > d.triageAfterPerShop) triage = `shop:${gln}:${day}`;
  return { ok: true, triage };
}
