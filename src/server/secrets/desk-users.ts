import { join } from 'node:path';
import type { StaffRole } from '../../api/index.ts';
import { DEMO_CHAMBERS, DEMO_UNIONS } from '../demo/demo-desks.ts';
import { DESK_PEOPLE } from '../seed/desk-people.ts';
import { createStaffAccount } from '../staff/accounts.ts';
import type { Store } from '../store/types.ts';
import { readSecretFile, secretsDir, writeSecretFile } from './secret-files.ts';

// The demo desk's people, made on the first start beside the other secrets: for each demo union
// a clerk and a manager, for each demo chamber an inspector and a field agent, and one operator.
// Their passwords are drawn at random, written once to DATA_DIR/secrets/desk-users.json (0600)
// and printed once; the database keeps only their scrypt hashes.

export type DeskUser = {
  username: string;
  password: string;
  name: string;
  role: StaffRole;
  agencyId: string | null;
};

const fileOf = (dataDir: string) => join(secretsDir(dataDir), 'desk-users.json');

export function readDeskUsers(dataDir: string): DeskUser[] {
  const text = readSecretFile(fileOf(dataDir));
  return text ? (JSON.parse(text) as DeskUser[]) : [];
}

/** The demo accounts to make: username, role and agency (the county follows from the agency). */
function demoPlan(): { username: string; role: StaffRole; agencyId: string | null; name: string }[] {
  const out: { username: string; role: StaffRole; agencyId: string | null; name: string }[] = [];
  DEMO_UNIONS.forEach((id, i) => {
    const tail = id.replace(/^union-/, '');
    out.push({ username: `clerk-${tail}`, role: 'clerk', agencyId: id, name: DESK_PEOPLE.clerk[i % 2]! });
    out.push({
      username: `manager-${tail}`,
      role: 'manager',
      agencyId: id,
      name: DESK_PEOPLE.manager[i % 2]!,
    });
  });
  for (const id of DEMO_CHAMBERS) {
    const tail = id.replace(/^chamber-/, '');
    out.push({
      username: `inspector-${tail}`,
      role: 'inspector',
      agencyId: id,
      name: DESK_PEOPLE.inspector[0],
    });
    out.push({
      username: `field-${tail}`,
      role: 'field_agent',
      agencyId: id,
      name: DESK_PEOPLE.field_agent[0],
    });
  }
  out.push({ username: 'operator', role: 'operator', agencyId: null, name: DESK_PEOPLE.operator[0] });
  return out;
}

/** First start: the demo people, their passwords written once to the secrets file. */
export async function issueDeskUsers(store: Store, dataDir: string): Promise<DeskUser[]> {
  // Side by side: each hash is a fifth of a second of one core, and scrypt runs off the main thread.
  const made = await Promise.all(
    demoPlan().map(async (p): Promise<DeskUser | undefined> => {
      const agency = p.agencyId ? await store.agency(p.agencyId) : undefined;
      if (p.agencyId && !agency) return undefined;
      const { password } = await createStaffAccount(store, {
        username: p.username,
        name: p.name,
        role: p.role,
        agencyId: p.agencyId,
        county: agency?.kind === 'chamber' ? agency.county : null,
      });
      return { username: p.username, password, name: p.name, role: p.role, agencyId: p.agencyId };
    }),
  );
  const users = made.filter((u): u is DeskUser => u !== undefined);
  writeSecretFile(fileOf(dataDir), `${JSON.stringify(users, null, 2)}\n`);
  return users;
}
