import { describe, expect, it } from 'vitest';
import fa from '../../../locales/fa/trust.json' with { type: 'json' };
import { TRUST_FACTORS, TrustSchema } from '../../../src/api/index.ts';
import {
  CONFIRMATIONS_NEEDED,
  computeTrust,
  GOOD_FROM,
  HIGH_FROM,
  MISPLACED_AFTER,
  TRUST_FORMULA,
  type TrustFacts,
} from '../../../src/server/trust/formula.ts';

// The trust formula, factor by factor: each case gives the points its table row says, and only
// that factor moves when only its fact changes.

const NOW = new Date('2026-11-30T12:00:00.000Z');
const YEAR = 365.25 * 86_400_000;
const ago = (years: number) => new Date(NOW.getTime() - years * YEAR).toISOString();

/** A level-4 shop with a valid licence held 4 years, nothing against it, no readings. */
const base: TrustFacts = {
  gln: '6260000000019',
  verificationLevel: 4,
  status: 'active',
  licenceIssuedAt: ago(4),
  licenceExpiresAt: ago(-1),
  warnings: 0,
  posBlocks: 0,
  seals: 0,
  upheld: 0,
  rejected: 0,
  nearInstalls: 0,
  farInstalls: 0,
};
const points = (f: Partial<TrustFacts>, factor: string) =>
  computeTrust({ ...base, ...f }, NOW).factors.find((x) => x.factor === factor)!;

describe('the table', () => {
  it('lists every factor once, in the order the page shows them, and its best cases add up to 100', () => {
    expect(TRUST_FORMULA.map((r) => r.factor)).toEqual([...TRUST_FACTORS]);
    const best = TRUST_FORMULA.reduce(
      (s, r) => s + Math.max(...Object.values(r.cases).map((c) => c.points)),
      0,
    );
    expect(best).toBe(100);
  });

  it('has a Persian sentence for every case it can explain', () => {
    const lookup = (key: string) =>
      key
        .replace(/^trust:/, '')
        .split('.')
        .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], fa);
    for (const row of TRUST_FORMULA)
      for (const c of Object.values(row.cases)) expect(lookup(c.key), c.key).toMatch(/[\u0600-\u06ff]/);
  });

  it('answers the wire shape', () => {
    expect(() => TrustSchema.parse(computeTrust(base, NOW))).not.toThrow();
  });
});

describe('factor by factor', () => {
  it('verification: 0, 10, 20, 30 for levels 1 to 4', () => {
    expect([1, 2, 3, 4].map((l) => points({ verificationLevel: l as 1 }, 'verification').points)).toEqual([
      0, 10, 20, 30,
    ]);
  });

  it(`plate: 10 once ${CONFIRMATIONS_NEEDED} installs read it near; 0 when far readings outnumber them`, () => {
    expect(points({ nearInstalls: CONFIRMATIONS_NEEDED - 1 }, 'plate').points).toBe(0);
    expect(points({ nearInstalls: CONFIRMATIONS_NEEDED }, 'plate')).toMatchObject({
      points: 10,
      key: 'trust:factor.plate.confirmed',
    });
    expect(
      points({ nearInstalls: CONFIRMATIONS_NEEDED, farInstalls: CONFIRMATIONS_NEEDED + 1 }, 'plate'),
    ).toMatchObject({ points: 0, key: 'trust:factor.plate.misplaced' });
    // Far readings fewer than the flag's threshold do not undo a confirmation.
    expect(points({ nearInstalls: 1, farInstalls: MISPLACED_AFTER - 1 }, 'plate').key).toBe(
      'trust:factor.plate.unconfirmed',
    );
  });

  it('licence: 10 while valid, 0 once expired or when none is on record', () => {
    expect(points({}, 'licence').points).toBe(10);
    expect(points({ licenceExpiresAt: ago(0.01) }, 'licence')).toMatchObject({
      points: 0,
      key: 'trust:factor.licence.expired',
    });
    expect(points({ licenceExpiresAt: null }, 'licence').key).toBe('trust:factor.licence.unknown');
  });

  it('enforcement: the worst stage of the last 12 months — none 25, warning 15, POS block 5, seal 0', () => {
    expect(points({}, 'enforcement').points).toBe(25);
    expect(points({ warnings: 2 }, 'enforcement').points).toBe(15);
    expect(points({ warnings: 1, posBlocks: 1 }, 'enforcement').points).toBe(5);
    expect(points({ warnings: 1, posBlocks: 1, seals: 1 }, 'enforcement')).toMatchObject({
      points: 0,
      params: { warnings: 1, posBlocks: 1, seals: 1 },
    });
  });

  it('complaints: only upheld ones count — 15, 8, 0 — however many were rejected', () => {
    expect(points({}, 'complaints').points).toBe(15);
    expect(points({ rejected: 500 }, 'complaints').points).toBe(15);
    expect(points({ upheld: 1 }, 'complaints').points).toBe(8);
    expect(points({ upheld: 2, rejected: 1 }, 'complaints')).toMatchObject({
      points: 0,
      params: { upheld: 2, rejected: 1 },
    });
  });

  it('tenure: 10 from 3 years, 5 from 1 year, 0 before', () => {
    expect(points({ licenceIssuedAt: ago(3.1) }, 'tenure')).toMatchObject({
      points: 10,
      params: { years: 3 },
    });
    expect(points({ licenceIssuedAt: ago(1.5) }, 'tenure').points).toBe(5);
    expect(points({ licenceIssuedAt: ago(0.5) }, 'tenure').points).toBe(0);
  });
});

describe('the level', () => {
  it(`is high from ${HIGH_FROM}, good from ${GOOD_FROM}, low below`, () => {
    expect(computeTrust(base, NOW)).toMatchObject({ level: 'high', score: 90 });
    // 20 + 0 + 10 + 25 + 15 + 10 = 80
    expect(computeTrust({ ...base, verificationLevel: 3 }, NOW)).toMatchObject({ level: 'high', score: 80 });
    expect(computeTrust({ ...base, verificationLevel: 2, warnings: 1 }, NOW)).toMatchObject({
      level: 'good',
      score: 60,
    });
    expect(computeTrust({ ...base, verificationLevel: 2, posBlocks: 1, upheld: 2 }, NOW)).toMatchObject({
      level: 'low',
      score: 35,
    });
  });

  it('stays low after a seal in the last 12 months, whatever the rest adds up to', () => {
    expect(computeTrust({ ...base, seals: 1, nearInstalls: 5 }, NOW)).toMatchObject({
      level: 'low',
      score: 75,
    });
  });

  it('is unrated for a closed or moved shop, and for a self-declared location no shopper confirmed', () => {
    expect(computeTrust({ ...base, status: 'closed' }, NOW).level).toBe('unrated');
    expect(computeTrust({ ...base, status: 'moved' }, NOW).level).toBe('unrated');
    expect(computeTrust({ ...base, verificationLevel: 1 }, NOW).level).toBe('unrated');
    expect(
      computeTrust({ ...base, verificationLevel: 1, nearInstalls: CONFIRMATIONS_NEEDED }, NOW),
    ).toMatchObject({
      level: 'good',
      plateConfirmed: true,
    });
  });
});
