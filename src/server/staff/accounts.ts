import { randomBytes } from 'node:crypto';
import type { Staff, StaffRole } from '../../api/index.ts';
import type { Store } from '../store/types.ts';
import { hashPassword, newPassword } from './password.ts';

// Making and changing accounts: the operator CLI, the demo seed and tests all come through here,
// so the rules of who belongs where are checked once. Passwords are drawn at random and handed
// back once; only their scrypt hash is stored.

export type NewAccount = {
  username: string;
  name: string;
  role: StaffRole;
  agencyId: string | null;
  county: string | null;
};

/** Lower-case Latin letters, digits, dots, dashes and underscores: typed on any keyboard layout. */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export class AccountError extends Error {}

/** The agency an account of this role must belong to, or why it cannot. */
async function checkPlace(store: Store, a: NewAccount): Promise<void> {
  if (a.role === 'operator') {
    if (a.agencyId !== null || a.county !== null)
      throw new AccountError('an operator belongs to no agency and no county');
    return;
  }
  if (!a.agencyId) throw new AccountError(`a ${a.role} needs an agency`);
  const agency = await store.agency(a.agencyId);
  const kind = a.role === 'clerk' || a.role === 'manager' ? 'union' : 'chamber';
  if (!agency || agency.kind !== kind)
    throw new AccountError(`a ${a.role} belongs to a ${kind}; ${a.agencyId} is not one`);
  if (kind === 'chamber' && a.county !== agency.county)
    throw new AccountError(`a ${a.role} of ${a.agencyId} works in ${agency.county}`);
}

export async function createStaffAccount(
  store: Store,
  account: NewAccount,
): Promise<{ staff: Staff; password: string }> {
  const username = account.username.trim().toLowerCase();
  if (!USERNAME.test(username)) throw new AccountError(`username ${JSON.stringify(username)} is not allowed`);
  const name = account.name.trim();
  if (!name) throw new AccountError('a name is needed');
  // A union's people carry their union's county, so the queue and the audit read it alike.
  const county =
    account.role === 'clerk' || account.role === 'manager'
      ? ((await store.agency(account.agencyId ?? ''))?.county ?? account.county)
      : account.county;
  await checkPlace(store, { ...account, county });
  const staff: Staff = {
    id: `stf_${randomBytes(9).toString('base64url')}`,
    username,
    name,
    role: account.role,
    agency_id: account.agencyId,
    county,
  };
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  const inserted = await store.insertStaff({ ...staff, passwordHash, createdAt: new Date().toISOString() });
  if (!inserted) throw new AccountError(`username ${username} is taken`);
  return { staff, password };
}

/** A new random password; every session of the account ends and any lockout is lifted. */
export async function resetStaffPassword(store: Store, username: string): Promise<string | undefined> {
  const found = await store.staffByUsername(username.trim().toLowerCase());
  if (!found) return undefined;
  const password = newPassword();
  const hash = await hashPassword(password);
  await store.transaction(async () => {
    await store.setStaffPassword(found.id, hash, new Date().toISOString());
    await store.deleteStaffSessions(found.id);
  });
  return password;
}

/** The public face of a stored account: what a response or the audit may show. */
export const publicStaff = (s: Staff): Staff => ({
  id: s.id,
  username: s.username,
  name: s.name,
  role: s.role,
  agency_id: s.agency_id,
  county: s.county,
});
