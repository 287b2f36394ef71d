import { describe, expect, it } from 'vitest';
import {
  ACTORS,
  type Actor,
  ENFORCEMENT_STAGES,
  type EnforcementStage,
  isObjectionable,
  isOpen,
  isOutcome,
  isOverdue,
  mayEnforce,
  mayMove,
  noteMessage,
  REVIEW_DAYS,
  reviewDeadline,
  SUBSTATUSES,
  type Substatus,
  statusOf,
} from '../../../src/api/index.ts';
import { applyUpdate, type CaseState } from '../../../src/server/lifecycle/apply-update.ts';

// The lifecycle as the Guild System Law and the service's rules have it, written out here pair by
// pair; every (actor, from, to) not listed must be refused.
const DECIDE_FROM_RECEIVED: Substatus[] = [
  'under_review',
  'hearing_scheduled',
  'violation_found',
  'no_violation',
  'not_our_jurisdiction',
  'duplicate',
];
const DECIDE: [Substatus, Substatus[]][] = [
  ['received', DECIDE_FROM_RECEIVED],
  [
    'under_review',
    ['hearing_scheduled', 'violation_found', 'no_violation', 'not_our_jurisdiction', 'duplicate'],
  ],
  ['hearing_scheduled', ['under_review', 'violation_found', 'no_violation']],
];
const CLOSING: Substatus[] = ['violation_found', 'no_violation', 'not_our_jurisdiction', 'duplicate'];
const ALLOWED: Record<Actor, [Substatus, Substatus[]][]> = {
  reporter: [
    ['received', ['withdrawn']],
    ['under_review', ['withdrawn']],
    ['hearing_scheduled', ['withdrawn']],
    ...CLOSING.map((s): [Substatus, Substatus[]] => [s, ['under_review']]),
  ],
  union: DECIDE,
  chamber: DECIDE,
  system: [['received', ['not_our_jurisdiction']]],
};
const allowed = (actor: Actor, from: Substatus, to: Substatus) =>
  ALLOWED[actor].some(([f, tos]) => f === from && tos.includes(to));

const NOW = '2026-01-10T10:00:00.000Z';
const state = (substatus: Substatus, more: Partial<CaseState> = {}): CaseState => ({
  substatus,
  escalated: false,
  enforcementStage: 'none',
  expectedAt: '2026-01-20T10:00:00.000Z',
  enforceable: false,
  external: false,
  ...more,
});

describe('complaint lifecycle table', () => {
  for (const actor of ACTORS)
    for (const from of SUBSTATUSES)
      for (const to of SUBSTATUSES) {
        if (from === to) continue;
        const yes = allowed(actor, from, to);
        it(`${yes ? 'lets' : 'refuses'} the ${actor} move ${from} -> ${to}`, () => {
          expect(mayMove(actor, from, to)).toBe(yes);
        });
      }

  it('counts received, under review and a set hearing as open, everything else as an outcome', () => {
    expect(SUBSTATUSES.filter(isOpen)).toEqual(['received', 'under_review', 'hearing_scheduled']);
    expect(SUBSTATUSES.filter((s) => statusOf(s) === 'closed')).toEqual(SUBSTATUSES.filter(isOutcome));
    expect(SUBSTATUSES.filter(isObjectionable)).toEqual(CLOSING);
  });

  it('sets the Art. 72 deadline ten days on and calls an open complaint past it overdue', () => {
    expect(REVIEW_DAYS).toBe(10);
    expect(reviewDeadline(NOW)).toBe('2026-01-20T10:00:00.000Z');
    const late = new Date('2026-01-21T00:00:00Z');
    expect(isOverdue('under_review', '2026-01-20T10:00:00.000Z', late)).toBe(true);
    expect(isOverdue('no_violation', '2026-01-20T10:00:00.000Z', late)).toBe(false);
  });
});

describe('enforcement stages (missing plate): warning, POS block, seal, lifted', () => {
  const ORDER: [EnforcementStage, EnforcementStage[]][] = [
    ['none', ['written_warning']],
    ['written_warning', ['pos_block', 'lifted']],
    ['pos_block', ['seal', 'lifted']],
    ['seal', ['lifted']],
  ];
  for (const actor of ACTORS)
    for (const from of ENFORCEMENT_STAGES)
      for (const to of ENFORCEMENT_STAGES) {
        if (from === to) continue;
        const yes =
          (actor === 'union' || actor === 'chamber') &&
          ORDER.some(([f, tos]) => f === from && tos.includes(to));
        it(`${yes ? 'lets' : 'refuses'} the ${actor} take ${from} -> ${to}`, () => {
          expect(mayEnforce(actor, from, to)).toBe(yes);
        });
      }
});

describe('the server applies the same table', () => {
  for (const actor of ['union', 'chamber'] as const)
    for (const from of SUBSTATUSES)
      for (const to of SUBSTATUSES) {
        if (from === to || from === 'withdrawn') continue;
        it(`a ${actor} reply moving ${from} -> ${to} is ${allowed(actor, from, to) ? 'applied' : 'refused'}`, () => {
          const out = applyUpdate(state(from), { actor, kind: 'reply', text: 'x', substatus: to }, NOW);
          expect(out.ok).toBe(allowed(actor, from, to));
        });
      }

  for (const from of SUBSTATUSES) {
    it(`a withdrawal from ${from} is ${allowed('reporter', from, 'withdrawn') ? 'applied' : 'refused'}`, () => {
      const out = applyUpdate(state(from), { actor: 'reporter', kind: 'withdraw', text: '' }, NOW);
      expect(out.ok).toBe(allowed('reporter', from, 'withdrawn'));
    });
    it(`an objection from ${from} is ${allowed('reporter', from, 'under_review') ? 'applied' : 'refused'}`, () => {
      const out = applyUpdate(state(from), { actor: 'reporter', kind: 'objection', text: 'x' }, NOW);
      expect(out.ok).toBe(allowed('reporter', from, 'under_review'));
    });
  }

  it('writes the escalation and a decision as codes, not sentences', () => {
    const out = applyUpdate(state('no_violation'), { actor: 'reporter', kind: 'objection', text: 'x' }, NOW);
    expect(out.ok && out.notes[1]).toMatchObject({ type: 'escalated', text: '', code: 'escalated' });
    const decided = applyUpdate(
      state('received'),
      { actor: 'union', kind: 'reply', text: '', substatus: 'duplicate' },
      NOW,
    );
    expect(decided.ok && decided.notes.map((n) => n.text)).toEqual(['', '']);
  });
});

describe('noteMessage (what a timeline says for a system note)', () => {
  it('reads a note stored before codes by its type and state', () => {
    const old = {
      type: 'status_change' as const,
      datetime: NOW,
      author: 'union' as const,
      text: 'دریافت شد',
    };
    expect(noteMessage({ ...old, substatus: 'duplicate' })).toEqual({
      key: 'lifecycle:substatus.duplicate',
      params: {},
    });
    expect(
      noteMessage({
        type: 'enforcement',
        datetime: NOW,
        author: 'union',
        text: 'پلمب',
        enforcement_stage: 'seal',
      }),
    ).toEqual({
      key: 'lifecycle:note.enforcementUntil',
      params: { stage: 'seal', until: '2026-02-09T10:00:00.000Z' },
    });
  });

  it('leaves what a person wrote alone', () => {
    expect(noteMessage({ type: 'reply', datetime: NOW, author: 'union', text: 'بازرس اعزام شد' })).toBeNull();
  });
});
