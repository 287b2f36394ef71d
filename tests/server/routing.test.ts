import { describe, expect, it } from 'vitest';
import { type RoutingDirectory, routeComplaint } from '../../src/server/routing/route-complaint.ts';
import { ROUTING_TABLE } from '../../src/server/routing/table.ts';

// routeComplaint is pure: each branch of routes.json, one test.
const dir: RoutingDirectory = {
  unions: { '4771|تهران': 'union-4771-tehran', '4711|تهران': 'union-4711-tehran' },
  chambers: { تهران: 'chamber-tehran', شیراز: 'chamber-shiraz' },
};
const route = (category: string, guildCode: string | null, county: string | null) =>
  routeComplaint({ category, guildCode, county }, ROUTING_TABLE, dir);

describe('routing a complaint (category x guild x county)', () => {
  it("sends a complaint about a known shop to its guild's union in its county", () => {
    expect(route('overpricing', '4771', 'تهران')).toEqual({
      kind: 'union',
      agencyId: 'union-4771-tehran',
      why: 'guild-union',
    });
  });

  it('sends a guild without a union in that county to the county chamber', () => {
    expect(route('overpricing', '4771', 'شیراز')).toEqual({
      kind: 'chamber',
      agencyId: 'chamber-shiraz',
      why: 'no-union-in-county',
    });
  });

  it("sends a report with an unknown guild (missing plate) to the county chamber's inspectors", () => {
    expect(route('no_plate', null, 'تهران')).toEqual({
      kind: 'chamber',
      agencyId: 'chamber-tehran',
      why: 'guild-unknown',
    });
  });

  it('answers smuggled goods with the anti-smuggling HQ (124), whatever the guild', () => {
    expect(route('smuggled_goods', '4742', 'تهران')).toMatchObject({
      kind: 'external',
      agencyId: 'ext-anti-smuggling',
    });
  });

  it('answers hoarding with 124 (government discretionary penalties), not a union', () => {
    expect(route('hoarding', '4711', 'تهران')).toMatchObject({ kind: 'external', agencyId: 'ext-124' });
  });

  it('falls back to 124 for a place outside every covered county', () => {
    expect(route('no_plate', null, null)).toEqual({
      kind: 'external',
      agencyId: 'ext-124',
      why: 'county-uncovered',
    });
    expect(route('overpricing', '4771', 'یزد')).toEqual({
      kind: 'external',
      agencyId: 'ext-124',
      why: 'county-uncovered',
    });
  });

  it('lists every external body the rules name', () => {
    const ids = new Set(ROUTING_TABLE.external.map((e) => e.id));
    for (const r of ROUTING_TABLE.rules)
      if (typeof r.to === 'object') expect(ids.has(r.to.external)).toBe(true);
    expect(ids.has(ROUTING_TABLE.uncovered.to.external)).toBe(true);
  });
});
