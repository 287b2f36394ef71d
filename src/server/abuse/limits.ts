import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { DESK_API } from '../../api/staff.ts';
import { agencyForKey, bearer } from '../complaints/auth.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import type { Store } from '../store/types.ts';
import { clientAddress } from './client-address.ts';
import { type InstallTokens, installOf } from './install-token.ts';
import type { Rate } from './lru-buckets.ts';
import type { RateBucketsFactory } from './rate-buckets.ts';

// Every limit the service applies to writes, with the env var an operator sets to change it
// (README "Limits"). In Iran most phones reach the service through a carrier's NAT, thousands
// of shoppers behind one address, so a write is first limited per install (the token the app
// got once), and only then per address with a ceiling a whole NAT's worth of people stays under.
// Writes without an install token (asking for one, or a client that has none) get the tight
// per-address bucket. Clerks with a valid credential are never limited by reporters' traffic.

export type DailyLimits = {
  /** Complaints one install may file per day, and per shop per day. */
  complaintsPerInstall: number;
  complaintsPerInstallShop: number;
  /** "Me too"s one install may give per day. */
  supportsPerInstall: number;
  /** Photos one install may upload per day, and all installs together. */
  uploadsPerInstall: number;
  uploadsPerDay: number;
  /** Voice notes and videos one install may upload per day, and all installs together. */
  clipsPerInstall: number;
  clipsPerDay: number;
  /** Beyond this many complaints a day from one install, one address or about one shop, new ones wait in triage. */
  triageAfterPerInstall: number;
  triageAfterPerAddress: number;
  triageAfterPerShop: number;
};

export type Limits = {
  /** How many reverse proxies stand in front (0: proxy headers are not believed). */
  trustProxy: number;
  /** Keys each in-memory limiter remembers before it forgets the least recently used. */
  maxKeys: number;
  install: Rate;
  address: Rate;
  anonymous: Rate;
  daily: DailyLimits;
};

export const DEFAULT_LIMITS: Limits = {
  trustProxy: 0,
  maxKeys: 100_000,
  install: { burst: 30, perSecond: 0.5 },
  address: { burst: 3000, perSecond: 50 },
  // Asking for an install token is the one anonymous write the app makes, once per install: a
  // whole NAT's new installs fit, an address minting tokens by the hundred does not.
  anonymous: { burst: 60, perSecond: 0.5 },
  daily: {
    complaintsPerInstall: 10,
    complaintsPerInstallShop: 3,
    supportsPerInstall: 30,
    uploadsPerInstall: 40,
    uploadsPerDay: 200_000,
    clipsPerInstall: 10,
    clipsPerDay: 20_000,
    triageAfterPerInstall: 3,
    triageAfterPerAddress: 200,
    triageAfterPerShop: 20,
  },
};

/** env var -> where it goes in Limits. Rates are given per minute: easier to reason about. */
const ENV: [string, (l: Limits, v: number) => void][] = [
  ['TRUST_PROXY', (l, v) => (l.trustProxy = v)],
  ['LIMIT_MAX_KEYS', (l, v) => (l.maxKeys = v)],
  ['LIMIT_INSTALL_BURST', (l, v) => (l.install.burst = v)],
  ['LIMIT_INSTALL_PER_MIN', (l, v) => (l.install.perSecond = v / 60)],
  ['LIMIT_ADDRESS_BURST', (l, v) => (l.address.burst = v)],
  ['LIMIT_ADDRESS_PER_MIN', (l, v) => (l.address.perSecond = v / 60)],
  ['LIMIT_ANONYMOUS_BURST', (l, v) => (l.anonymous.burst = v)],
  ['LIMIT_ANONYMOUS_PER_MIN', (l, v) => (l.anonymous.perSecond = v / 60)],
  ['DAILY_COMPLAINTS_PER_INSTALL', (l, v) => (l.daily.complaintsPerInstall = v)],
  ['DAILY_COMPLAINTS_PER_INSTALL_SHOP', (l, v) => (l.daily.complaintsPerInstallShop = v)],
  ['DAILY_SUPPORTS_PER_INSTALL', (l, v) => (l.daily.supportsPerInstall = v)],
  ['DAILY_UPLOADS_PER_INSTALL', (l, v) => (l.daily.uploadsPerInstall = v)],
  ['DAILY_UPLOADS', (l, v) => (l.daily.uploadsPerDay = v)],
  ['DAILY_CLIPS_PER_INSTALL', (l, v) => (l.daily.clipsPerInstall = v)],
  ['DAILY_CLIPS', (l, v) => (l.daily.clipsPerDay = v)],
  ['TRIAGE_AFTER_PER_INSTALL', (l, v) => (l.daily.triageAfterPerInstall = v)],
  ['TRIAGE_AFTER_PER_ADDRESS', (l, v) => (l.daily.triageAfterPerAddress = v)],
  ['TRIAGE_AFTER_PER_SHOP', (l, v) => (l.daily.triageAfterPerShop = v)],
];

export type LimitsOverride = Partial<Omit<Limits, 'daily' | 'install' | 'address' | 'anonymous'>> & {
  install?: Partial<Rate>;
  address?: Partial<Rate>;
  anonymous?: Partial<Rate>;
  daily?: Partial<DailyLimits>;
};

export function resolveLimits(over: LimitsOverride = {}, env: NodeJS.ProcessEnv = {}): Limits {
  const d = DEFAULT_LIMITS;
  const l: Limits = {
    trustProxy: over.trustProxy ?? d.trustProxy,
    maxKeys: over.maxKeys ?? d.maxKeys,
    install: { ...d.install, ...over.install },
    address: { ...d.address, ...over.address },
    anonymous: { ...d.anonymous, ...over.anonymous },
    daily: { ...d.daily, ...over.daily },
  };
  for (const [name, set] of ENV) {
    const raw = env[name];
    const v = raw === undefined || raw === '' ? Number.NaN : Number(raw);
    if (Number.isFinite(v) && v >= 0) set(l, v);
  }
  return l;
}

/** The UTC day a daily quota counts in. */
export const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** Addresses go into the database only hashed (quotas, triage groups). */
export const addressKey = (address: string) =>
  createHash('sha256').update(`address:${address}`).digest('hex').slice(0, 32);

export function limitWrites(
  limits: Limits,
  store: Store,
  installs: InstallTokens,
  buckets: RateBucketsFactory,
): MiddlewareHandler {
  const perInstall = buckets('install', limits.install, limits.maxKeys);
  const perAddress = buckets('address', limits.address, limits.maxKeys);
  const anonymous = buckets('anonymous', limits.anonymous, limits.maxKeys);
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    // The desk's writes need a signed-in session (staff/require-staff.ts) and signing in has
    // limits of its own (staff/sign-in-limits.ts): a clerk on a carrier's NAT must not wait
    // behind the shoppers there asking for install tokens.
    if (c.req.path.startsWith(`${DESK_API}/`)) return next();
    const token = bearer(c);
    if (token && (await agencyForKey(store, token))) return next();
    const address = clientAddress(c, limits.trustProxy);
    const install = installOf(c, installs);
    const wait = install
      ? (await perInstall.take(install)) || (await perAddress.take(address))
      : await anonymous.take(address);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return fail(c, 429, 'rate-limited', MESSAGES.rateLimited);
    }
    return next();
  };
}
