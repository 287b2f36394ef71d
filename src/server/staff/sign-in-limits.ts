import type { Context } from 'hono';
import { clientAddress } from '../abuse/client-address.ts';
import { createLruBuckets, type Rate } from '../abuse/lru-buckets.ts';

// How hard guessing passwords is made. Per account, a few wrong passwords in a row lock it for a
// while, and the lock holds whatever is typed next (the right password included) until it ends
// or an operator unlocks it; the count starts again only at a successful sign-in, so every
// further failure after a lock locks it again at once. Per address the ceiling is far higher: a
// carrier's NAT or a union office puts many honest people behind one address, so it only stops
// one machine trying account after account. The address bucket is held in memory per instance.

export type DeskSignInLimits = {
  /** Wrong passwords in a row that lock an account. */
  lockAfter: number;
  lockMs: number;
  /** Sign-in attempts per address (any account, any outcome). */
  address: Rate;
};

export const DEFAULT_DESK_SIGN_IN: DeskSignInLimits = {
  lockAfter: 5,
  lockMs: 15 * 60 * 1000,
  address: { burst: 100, perSecond: 30 / 60 },
};

const ENV: [string, (l: DeskSignInLimits, v: number) => void][] = [
  ['DESK_LOCK_AFTER', (l, v) => (l.lockAfter = Math.max(1, v))],
  ['DESK_LOCK_MINUTES', (l, v) => (l.lockMs = v * 60 * 1000)],
  ['DESK_SIGNIN_ADDRESS_BURST', (l, v) => (l.address.burst = v)],
  ['DESK_SIGNIN_ADDRESS_PER_MIN', (l, v) => (l.address.perSecond = v / 60)],
];

export function resolveDeskSignIn(env: NodeJS.ProcessEnv = {}): DeskSignInLimits {
  const l = { ...DEFAULT_DESK_SIGN_IN, address: { ...DEFAULT_DESK_SIGN_IN.address } };
  for (const [name, set] of ENV) {
    const raw = env[name];
    const v = raw === undefined || raw === '' ? Number.NaN : Number(raw);
    if (Number.isFinite(v) && v >= 0) set(l, v);
  }
  return l;
}

/** The per-address gate: seconds to wait, or 0. */
export function addressGate(limits: DeskSignInLimits, trustProxy: number, maxKeys: number) {
  const buckets = createLruBuckets(limits.address, maxKeys);
  return (c: Context) => buckets.take(`desk-sign-in:${clientAddress(c, trustProxy)}`);
}
