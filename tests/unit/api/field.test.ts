import { describe, expect, it } from 'vitest';
import {
  currentStage,
  ENFORCEMENT_MOVES,
  enforcementRefusal,
  nextStages,
  STAGES_BY_ROLE,
} from '../../../src/api/index.ts';

// Who of the staff takes which enforcement stage, on top of the lifecycle's order of stages.
// 2022 guild chamber letter: the union warns and blocks POS terminals; the county chamber's
// inspectors (Guild System Law Art. 52) take every stage, sealing and lifting included.

describe('enforcement stages by role', () => {
  it('lets a union clerk or manager warn and block POS, never seal or lift', () => {
    for (const role of ['clerk', 'manager'] as const) {
      expect(nextStages(role, 'none')).toEqual(['written_warning']);
      expect(nextStages(role, 'written_warning')).toEqual(['pos_block']);
      expect(enforcementRefusal(role, 'pos_block', 'seal')).toBe('stage-not-yours');
      expect(enforcementRefusal(role, 'seal', 'lifted')).toBe('stage-not-yours');
    }
  });

  it("lets an inspector take every stage, in the letter's order only", () => {
    expect(nextStages('inspector', 'written_warning')).toEqual(['pos_block', 'lifted']);
    expect(nextStages('inspector', 'pos_block')).toEqual(['seal', 'lifted']);
    expect(enforcementRefusal('inspector', 'written_warning', 'seal')).toBe('stage-order');
    expect(enforcementRefusal('inspector', 'none', 'lifted')).toBe('stage-order');
  });

  it('gives field agents and operators no stage at all', () => {
    for (const role of ['field_agent', 'operator'] as const) {
      expect(STAGES_BY_ROLE[role]).toEqual([]);
      for (const from of Object.keys(ENFORCEMENT_MOVES) as (keyof typeof ENFORCEMENT_MOVES)[])
        expect(nextStages(role, from)).toEqual([]);
    }
  });

  it('reads a shop as starting afresh once its last stage was lifted', () => {
    expect(currentStage([])).toBe('none');
    expect(currentStage([{ stage: 'seal' }, { stage: 'pos_block' }])).toBe('seal');
    expect(currentStage([{ stage: 'lifted' }, { stage: 'seal' }])).toBe('none');
  });
});
