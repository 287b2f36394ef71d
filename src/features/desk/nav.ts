import { deskQueuePaths, paths } from '../../api/paths.ts';
import type { StaffRole } from '../../api/staff.ts';

// The desk's sections, in the order the layout lists them. Each part of the desk adds its own
// entry here (a path from src/api/paths.ts, a `desk:` locale key, and the roles that see it;
// none: everyone signed in). The layout renders this list and nothing else.

export type DeskNavItem = {
  href: string;
  /** A key in locales/{fa,en}/desk.json (or the part's own namespace, registered by its chunk). */
  label: string;
  roles?: readonly StaffRole[];
};

export const DESK_NAV: DeskNavItem[] = [
  { href: paths.desk(), label: 'desk:layout.home' },
  { href: deskQueuePaths.queue(), label: 'desk:nav.queue', roles: ['clerk', 'manager'] },
  { href: deskQueuePaths.dashboard(), label: 'desk:nav.dashboard', roles: ['clerk', 'manager'] },
  { href: deskQueuePaths.templates(), label: 'desk:nav.templates', roles: ['manager'] },
  { href: paths.deskModeration(), label: 'outcomes:moderation.nav', roles: ['clerk', 'manager'] },
  { href: paths.deskCounty(), label: 'desk:county.nav', roles: ['inspector'] },
  { href: paths.deskVerify(), label: 'desk:verify.nav', roles: ['field_agent'] },
  { href: paths.deskAudit(), label: 'desk:layout.audit', roles: ['manager', 'operator'] },
];

/** The items this role sees. */
export function navFor(role: StaffRole, items: readonly DeskNavItem[] = DESK_NAV): DeskNavItem[] {
  return items.filter((i) => !i.roles || i.roles.includes(role));
}
