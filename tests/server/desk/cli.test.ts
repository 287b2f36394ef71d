import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_SESSION } from '../../../src/api/index.ts';
import { expectPersianError, type Harness, startServer } from '../harness.ts';
import { signIn } from './session.ts';

// `npm run desk -- …` against a running service's database: what the operator types, what the
// person at the desk then finds.

const run = promisify(execFile);
let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h?.stop());

async function desk(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/server/staff/cli.ts', ...args], {
    env: { ...process.env, DATA_DIR: h.dataDir, DATABASE_URL: h.databaseUrl ?? '' },
  });
  return stdout.trim();
}

describe('npm run desk', () => {
  it('creates, disables, enables, resets and lists an account', async () => {
    const username = `clerk-cli-${Date.now()}`;
    const created = await desk(
      'create',
      '--username',
      username,
      '--name',
      'Cli Clerk',
      '--role',
      'clerk',
      '--agency',
      'union-4711-tehran',
    );
    const password = /: (\S+)$/.exec(created)![1]!;
    const agent = await signIn(h.url, username, password);
    expect(agent.staff).toMatchObject({ username, role: 'clerk', agency_id: 'union-4711-tehran' });

    await desk('disable', username);
    await expectPersianError(await agent.get(DESK_SESSION), 401, 'desk-sign-in-needed');
    expect(await desk('list')).toMatch(new RegExp(`${username}\\tclerk\\tunion-4711-tehran\\tdisabled`));
    await desk('enable', username);

    const reset = await desk('reset-password', username);
    const fresh = /: (\S+) /.exec(reset)![1]!;
    expect(fresh).not.toBe(password);
    await expect(signIn(h.url, username, password)).rejects.toThrow(/401/);
    expect((await signIn(h.url, username, fresh)).staff.username).toBe(username);
  }, 60_000);

  it('unlocks a locked account', async () => {
    const username = `clerk-lock-${Date.now()}`;
    const created = await desk(
      'create',
      '--username',
      username,
      '--name',
      'Locked',
      '--role',
      'clerk',
      '--agency',
      'union-4711-tehran',
    );
    const password = /: (\S+)$/.exec(created)![1]!;
    for (let i = 0; i < 5; i++) await signIn(h.url, username, 'wrong').catch(() => {});
    await expect(signIn(h.url, username, password)).rejects.toThrow(/429/);
    await desk('unlock', username);
    expect((await signIn(h.url, username, password)).staff.username).toBe(username);
  }, 60_000);

  it('refuses an account placed where its role does not belong', async () => {
    await expect(
      desk(
        'create',
        '--username',
        'misplaced',
        '--name',
        'X',
        '--role',
        'inspector',
        '--agency',
        'union-4711-tehran',
      ),
    ).rejects.toMatchObject({ code: 1 });
  }, 60_000);
});
