import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LimitsOverride } from '../../src/server/abuse/limits.ts';
import { createLogger } from '../../src/server/log.ts';
import { createServer, type RunningServer, type ServerOptions } from '../../src/server/server.ts';
import { createTestDatabase, TEST_ENGINE } from '../pg-database.ts';

export { TEST_ENGINE };

// Every test server makes the demo desk's accounts, and tests make more: at the production scrypt
// cost (2^16) that alone would take most of a test file's time on a shared machine. The stored
// hash names its cost, and tests/server/desk/ checks the production default separately.
process.env.DESK_SCRYPT_LOG2_N ??= '12';

// One real server per test file: a fresh temporary database, an ephemeral port, plain fetch.
// KBF_TEST_ENGINE=postgres runs it on PostgreSQL, in a database of its own (../pg-database.ts).
// The harness is one app install: it asks for an install token at start and sends it on every
// `post` (as the app does on every write) unless the caller gives its own X-Install-Token.
// Limits are wide open unless a test sets them: tests of limits say which one they exercise.

export const FIRST_GLN = '6260000000019';

export type Harness = RunningServer & {
  /** The server's own data directory (database and media), for tests that inspect what is stored. */
  dataDir: string;
  /** Its PostgreSQL database, when it runs on one: other instances may be started on it. */
  databaseUrl: string | undefined;
  /** Everything the database holds, as a copy of it would: the SQLite files, or a pg_dump. */
  storedBytes(): Buffer;
  get(path: string, init?: RequestInit): Promise<Response>;
  /** The harness's own install token. */
  installToken: string;
  /** A fresh install (another phone): its token, from the service. */
  install(): Promise<string>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  token(agencyId: string): string;
  stop(): Promise<void>;
};

const OPEN = { burst: 100_000, perSecond: 10_000 };
const WIDE = 1_000_000;
export const OPEN_LIMITS: LimitsOverride = {
  install: OPEN,
  address: OPEN,
  anonymous: OPEN,
  daily: {
    complaintsPerInstall: WIDE,
    complaintsPerInstallShop: WIDE,
    supportsPerInstall: WIDE,
    uploadsPerInstall: WIDE,
    uploadsPerDay: WIDE,
    clipsPerInstall: WIDE,
    clipsPerDay: WIDE,
    triageAfterPerInstall: WIDE,
    triageAfterPerAddress: WIDE,
    triageAfterPerShop: WIDE,
  },
};

export async function startServer(opts: Partial<ServerOptions> = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kbf-test-'));
  const database = TEST_ENGINE === 'postgres' && !opts.databaseUrl ? await createTestDatabase() : undefined;
  const { limits, ...rest } = opts;
  const server = await createServer({
    dataDir,
    port: 0,
    seedPerCity: 60,
    // Quiet unless a test listens: a line per request would bury the test report.
    log: createLogger('off'),
    ...(database ? { databaseUrl: database.url } : {}),
    ...rest,
    limits: {
      ...OPEN_LIMITS,
      ...limits,
      install: { ...OPEN_LIMITS.install, ...limits?.install },
      address: { ...OPEN_LIMITS.address, ...limits?.address },
      anonymous: { ...OPEN_LIMITS.anonymous, ...limits?.anonymous },
      daily: { ...OPEN_LIMITS.daily, ...limits?.daily },
    },
  }).catch(async (error) => {
    await database?.drop();
    throw error;
  });
  const databaseUrl = opts.databaseUrl ?? database?.url;
  const install = async () => {
    const res = await fetch(`${server.url}/api/v1/installs`, { method: 'POST' });
    if (res.status !== 201) throw new Error(`no install token: ${res.status}`);
    return ((await res.json()) as { install_token: string }).install_token;
  };
  // Over TLS the test's own certificate is not in fetch's trust store: those tests post nothing.
  const installToken = rest.tls ? '' : await install();
  return Object.assign(server, {
    dataDir,
    databaseUrl,
    installToken,
    install,
    storedBytes(): Buffer {
      if (databaseUrl)
        return execFileSync(
          '/usr/lib/postgresql/15/bin/pg_dump',
          ['--data-only', `--dbname=${databaseUrl}`],
          {
            maxBuffer: 256 * 1024 * 1024,
          },
        );
      const files = readdirSync(dataDir).filter((f) => f.includes('sqlite'));
      return Buffer.concat(files.map((f) => readFileSync(join(dataDir, f))));
    },
    get: (path: string, init?: RequestInit) => fetch(server.url + path, { redirect: 'manual', ...init }),
    post: (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(server.url + path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Install-Token': installToken, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    token(agencyId: string) {
      const cred = server.demo.credentials.find((c) => c.agencyId === agencyId);
      if (!cred) throw new Error(`no demo credential for ${agencyId}`);
      return cred.token;
    },
    async stop() {
      await server.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/** True when a description is written in Persian (has Arabic-script letters). */
export const isPersian = (s: string) => /[\u0600-\u06ff]/.test(s);

export async function expectPersianError(res: Response, status: number, code?: string) {
  const body = (await res.json()) as { code: string; description: string }[];
  if (res.status !== status)
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(body)}`);
  if (!Array.isArray(body) || body.length === 0)
    throw new Error(`not an error array: ${JSON.stringify(body)}`);
  for (const e of body) if (!isPersian(e.description)) throw new Error(`not Persian: ${e.description}`);
  if (code && body[0]!.code !== code) throw new Error(`expected code ${code}, got ${body[0]!.code}`);
  return body;
}

/** A complaint against the first demo shop (a Tehran supermarket, guild 4711). */
export async function fileOverpricing(
  h: Harness,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const res = await h.post(
    '/open311/v2/requests.json',
    {
      service_code: 'overpricing',
      address_id: FIRST_GLN,
      attribute: { price_paid: 150000, labelled_price: 120000 },
      description: 'قیمت بیشتر از برچسب',
      ...extra,
    },
    headers,
  );
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${await res.text()}`);
  const [created] = (await res.json()) as { service_request_id: string; access_token: string }[];
  return created!;
}
