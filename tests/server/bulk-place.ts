import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createTestDatabase, TEST_ENGINE } from '../pg-database.ts';

// A fresh, empty database for the registry's bulk commands (the engine KBF_TEST_ENGINE names),
// the commands run as an operator runs them (a child process with DATA_DIR / DATABASE_URL), and
// one SQL count to see what is stored.

const root = resolve(import.meta.dirname, '../..');

export type BulkPlace = {
  dataDir: string;
  databaseUrl: string | undefined;
  run(script: string, args: string[], opts?: { killWhen?: RegExp }): Promise<CommandResult>;
  count(sql: string): Promise<number>;
  drop(): Promise<void>;
};
export type CommandResult = { code: number | null; signal: string | null; stdout: string; stderr: string };

export async function bulkPlace(): Promise<BulkPlace> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kbf-bulk-'));
  const database = TEST_ENGINE === 'postgres' ? await createTestDatabase() : undefined;
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: database?.url ?? '',
    LANG: 'C',
  };
  return {
    dataDir,
    databaseUrl: database?.url,
    run: (script, args, opts = {}) =>
      new Promise((done, fail) => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(root, script), ...args], {
          cwd: root,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        const watch = () => {
          if (opts.killWhen?.test(stdout + stderr) && child.exitCode === null) child.kill('SIGKILL');
        };
        child.stdout.on('data', (d: Buffer) => {
          stdout += d;
          watch();
        });
        child.stderr.on('data', (d: Buffer) => {
          stderr += d;
          watch();
        });
        child.once('error', fail);
        child.once('close', (code, signal) => done({ code, signal, stdout, stderr }));
      }),
    async count(sql) {
      if (database) {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        try {
          return Number((await client.query(sql)).rows[0].n);
        } finally {
          await client.end();
        }
      }
      const db = new Database(join(dataDir, 'kala-be-fi.sqlite'), { readonly: true });
      try {
        return Number((db.prepare(sql).get() as { n: number }).n);
      } finally {
        db.close();
      }
    },
    async drop() {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
