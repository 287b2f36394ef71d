import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { STAFF_ROLES, type StaffRole } from '../../api/index.ts';
import { ApiKeyError } from '../secrets/api-keys.ts';
import { openStorage } from '../store/open.ts';
import { AccountError, createStaffAccount, resetStaffPassword } from './accounts.ts';
import { apiKeyCommand } from './api-key-cli.ts';

// `npm run desk -- <command>`: the operator's hands on desk accounts, on the same database the
// service uses (DATABASE_URL, else the SQLite file in DATA_DIR). New and reset passwords are
// printed once and stored only as hashes. Disabling ends the person's sessions at once.

const USAGE = `usage: npm run desk -- <command>
  create --username <u> --name <name> --role <${STAFF_ROLES.join('|')}> [--agency <agency-id>]
  reset-password <username>
  disable <username> | enable <username> | unlock <username>
  list
  api-key create --agency <agency-id> --name <system> | api-key list --agency <agency-id>
  api-key revoke <key-id>`;

const argv = process.argv.slice(2);
const [command, ...rest] = argv;
const { values, positionals } = parseArgs({
  args: rest,
  allowPositionals: true,
  options: {
    username: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    agency: { type: 'string' },
  },
});
const dataDir = resolve(process.env.DATA_DIR ?? './data');
const { store } = await openStorage({ dataDir, databaseUrl: process.env.DATABASE_URL || undefined });

async function byName(username: string | undefined) {
  const found = username ? await store.staffByUsername(username.trim().toLowerCase()) : undefined;
  if (!found) throw new AccountError(`no account ${JSON.stringify(username ?? '')}`);
  return found;
}

try {
  if (command === 'create') {
    const role = values.role as StaffRole;
    if (!STAFF_ROLES.includes(role)) throw new AccountError(USAGE);
    const agency = values.agency ? await store.agency(values.agency) : undefined;
    const { staff, password } = await createStaffAccount(store, {
      username: values.username ?? '',
      name: values.name ?? '',
      role,
      agencyId: values.agency ?? null,
      county: agency?.kind === 'chamber' ? agency.county : null,
    });
    console.log(
      `${staff.username} (${staff.role}${staff.agency_id ? `, ${staff.agency_id}` : ''}): ${password}`,
    );
  } else if (command === 'reset-password') {
    const password = await resetStaffPassword(store, (await byName(positionals[0])).username);
    console.log(`${positionals[0]}: ${password} (every session of the account has ended)`);
  } else if (command === 'disable' || command === 'enable') {
    const s = await byName(positionals[0]);
    await store.setStaffDisabled(s.id, command === 'disable');
    console.log(`${s.username}: ${command === 'disable' ? 'disabled, its sessions ended' : 'enabled'}`);
  } else if (command === 'unlock') {
    const s = await byName(positionals[0]);
    await store.setStaffLogin(s.id, 0, null);
    console.log(`${s.username}: unlocked`);
  } else if (command === 'list') {
    for (const s of await store.listStaff()) {
      const state = s.disabled
        ? 'disabled'
        : s.lockedUntil && Date.parse(s.lockedUntil) > Date.now()
          ? `locked until ${s.lockedUntil}`
          : 'active';
      console.log([s.username, s.role, s.agency_id ?? '-', state].join('\t'));
    }
  } else if (command === 'api-key') {
    if (!(await apiKeyCommand(store, positionals, values.agency, values.name))) throw new AccountError(USAGE);
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
} catch (error) {
  if (!(error instanceof AccountError || error instanceof ApiKeyError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await store.close();
}
