import type {
  LocationStatus,
  Trust,
  TrustFactor,
  TrustFactorName,
  TrustLevel,
  VerificationLevel,
} from '../../api/index.ts';

// The trust badge's formula: one table. Each factor lists its cases, each case its points and
// the `trust` locale key of the sentence "why this badge?" shows for it. Only facts on the shop's
// public record go in (`TrustFacts`), so a shop is never ranked by anything the public cannot see.
//
// | factor      | case                                             | points |
// |-------------|--------------------------------------------------|--------|
// | verification| level 1 self-declared / 2 video / 3 neighbours / 4 on site | 0 / 10 / 20 / 30 |
// | plate       | ≥ CONFIRMATIONS_NEEDED installs near, none misplaced | 10   |
// |             | otherwise (or flagged misplaced)                 | 0      |
// | licence     | valid / expired / not on record                  | 10 / 0 / 0 |
// | enforcement | last 12 months: none / warnings / POS block / seal | 25 / 15 / 5 / 0 |
// | complaints  | last 12 months upheld: 0 / 1 / 2 or more         | 15 / 8 / 0 |
// | tenure      | licence held ≥ 3 years / ≥ 1 year / less         | 10 / 5 / 0 |
//
// Complaints count only once upheld (`violation_found`): open, rejected, withdrawn, duplicate and
// spam complaints give and take nothing, so a flood of unfounded complaints cannot sink a shop,
// and a shop cannot lift itself by filing complaints against itself that are then rejected.
//
// Level: `unrated` when the shop no longer trades (closed, moved) or its location rests on the
// owner's word alone (level 1, no shoppers' confirmation); else `high` from 80, `good` from 55,
// else `low` — and a seal in the last 12 months keeps it at `low` whatever the rest adds up to.

/** Distinct installs whose "right place?" said near, within the window, for "plate confirmed by shoppers". */
export const CONFIRMATIONS_NEEDED = 3;
/** Distinct installs reading far (and more than read near) that flag the plate for an inspector. */
export const MISPLACED_AFTER = 3;
/** How far back readings count: a plate moved last year is confirmed by this season's shoppers. */
export const READINGS_WINDOW_DAYS = 90;
/** How far back enforcement and complaint outcomes count. */
export const HISTORY_WINDOW_DAYS = 365;
export const HIGH_FROM = 80;
export const GOOD_FROM = 55;

/** What the formula reads; the store counts within the windows above (`trustWindows`). */
export type TrustFacts = {
  gln: string;
  verificationLevel: VerificationLevel;
  status: LocationStatus;
  licenceIssuedAt: string | null;
  licenceExpiresAt: string | null;
  /** Stages recorded in the history window. */
  warnings: number;
  posBlocks: number;
  seals: number;
  /** Complaint outcomes decided in the history window (spam excluded). */
  upheld: number;
  rejected: number;
  /** Distinct installs whose reading in the readings window was near / far. */
  nearInstalls: number;
  farInstalls: number;
};

type Case = { points: number; key: string };
type Row = {
  factor: TrustFactorName;
  cases: Record<string, Case>;
  /** Which case applies, and the numbers its sentence names. */
  pick(f: TrustFacts, now: Date): { case: string; params?: Record<string, number> };
};

const DAY_MS = 86_400_000;
const yearsSince = (iso: string, now: Date) => (now.getTime() - Date.parse(iso)) / (365.25 * DAY_MS);

export const isMisplaced = (f: TrustFacts) =>
  f.farInstalls >= MISPLACED_AFTER && f.farInstalls > f.nearInstalls;
export const isPlateConfirmed = (f: TrustFacts) => f.nearInstalls >= CONFIRMATIONS_NEEDED && !isMisplaced(f);

const k = (factor: TrustFactorName, name: string) => `trust:factor.${factor}.${name}`;

export const TRUST_FORMULA: readonly Row[] = [
  {
    factor: 'verification',
    cases: {
      level1: { points: 0, key: k('verification', 'level1') },
      level2: { points: 10, key: k('verification', 'level2') },
      level3: { points: 20, key: k('verification', 'level3') },
      level4: { points: 30, key: k('verification', 'level4') },
    },
    pick: (f) => ({ case: `level${f.verificationLevel}` }),
  },
  {
    factor: 'plate',
    cases: {
      confirmed: { points: 10, key: k('plate', 'confirmed') },
      misplaced: { points: 0, key: k('plate', 'misplaced') },
      unconfirmed: { points: 0, key: k('plate', 'unconfirmed') },
    },
    pick: (f) => ({
      case: isMisplaced(f) ? 'misplaced' : isPlateConfirmed(f) ? 'confirmed' : 'unconfirmed',
      params: { count: f.nearInstalls, needed: CONFIRMATIONS_NEEDED, days: READINGS_WINDOW_DAYS },
    }),
  },
  {
    factor: 'licence',
    cases: {
      valid: { points: 10, key: k('licence', 'valid') },
      expired: { points: 0, key: k('licence', 'expired') },
      unknown: { points: 0, key: k('licence', 'unknown') },
    },
    pick: (f, now) => ({
      case: !f.licenceExpiresAt
        ? 'unknown'
        : Date.parse(f.licenceExpiresAt) > now.getTime()
          ? 'valid'
          : 'expired',
    }),
  },
  {
    factor: 'enforcement',
    cases: {
      none: { points: 25, key: k('enforcement', 'none') },
      warning: { points: 15, key: k('enforcement', 'warning') },
      posBlock: { points: 5, key: k('enforcement', 'posBlock') },
      seal: { points: 0, key: k('enforcement', 'seal') },
    },
    pick: (f) => ({
      case: f.seals ? 'seal' : f.posBlocks ? 'posBlock' : f.warnings ? 'warning' : 'none',
      params: { warnings: f.warnings, posBlocks: f.posBlocks, seals: f.seals },
    }),
  },
  {
    factor: 'complaints',
    cases: {
      noneUpheld: { points: 15, key: k('complaints', 'noneUpheld') },
      oneUpheld: { points: 8, key: k('complaints', 'oneUpheld') },
      manyUpheld: { points: 0, key: k('complaints', 'manyUpheld') },
    },
    pick: (f) => ({
      case: f.upheld === 0 ? 'noneUpheld' : f.upheld === 1 ? 'oneUpheld' : 'manyUpheld',
      params: { upheld: f.upheld, rejected: f.rejected },
    }),
  },
  {
    factor: 'tenure',
    cases: {
      long: { points: 10, key: k('tenure', 'long') },
      year: { points: 5, key: k('tenure', 'year') },
      new: { points: 0, key: k('tenure', 'new') },
      unknown: { points: 0, key: k('tenure', 'unknown') },
    },
    pick: (f, now) => {
      if (!f.licenceIssuedAt) return { case: 'unknown' };
      const years = yearsSince(f.licenceIssuedAt, now);
      return {
        case: years >= 3 ? 'long' : years >= 1 ? 'year' : 'new',
        params: { years: Math.floor(years) },
      };
    },
  },
];

/** The start of each window, as ISO times the store compares stored times with. */
export function trustWindows(now: Date): { history: string; readings: string } {
  return {
    history: new Date(now.getTime() - HISTORY_WINDOW_DAYS * DAY_MS).toISOString(),
    readings: new Date(now.getTime() - READINGS_WINDOW_DAYS * DAY_MS).toISOString(),
  };
}

export function computeTrust(f: TrustFacts, now: Date): Trust {
  const factors: TrustFactor[] = TRUST_FORMULA.map((row) => {
    const picked = row.pick(f, now);
    const c = row.cases[picked.case]!;
    return {
      factor: row.factor,
      points: c.points,
      max: Math.max(...Object.values(row.cases).map((x) => x.points)),
      key: c.key,
      ...(picked.params ? { params: picked.params } : {}),
    };
  });
  const score = Math.min(
    100,
    factors.reduce((s, x) => s + x.points, 0),
  );
  const plateConfirmed = isPlateConfirmed(f);
  let level: TrustLevel;
  if (f.status === 'closed' || f.status === 'moved' || (f.verificationLevel === 1 && !plateConfirmed))
    level = 'unrated';
  else if (f.seals > 0 || score < GOOD_FROM) level = 'low';
  else level = score >= HIGH_FROM ? 'high' : 'good';
  return { level, score, factors, plateConfirmed };
}
