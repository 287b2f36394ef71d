// Routing is data (routes.json), this is the reader: category x guild x county -> who answers.
// Pure: the same inputs always give the same agency, so every branch is a table test.

export type RoutingDirectory = {
  /** `${guildCode}|${county}` -> the union's agency id. */
  unions: Record<string, string>;
  /** county -> the county chamber's inspectors. */
  chambers: Record<string, string>;
};

export type RouteTarget = 'union' | 'chamber' | { external: string };
export type RouteRule = {
  when: { category?: string[]; guild?: 'known' | 'unknown' };
  to: RouteTarget;
  why: string;
};
export type RoutingTable = {
  external: { id: string; name: string; phone: string; address: string }[];
  rules: RouteRule[];
  /** Where a complaint goes when the county has no union or chamber in the registry. */
  uncovered: { to: { external: string }; why: string };
};

export type ComplaintFacts = { category: string; guildCode: string | null; county: string | null };

export type Route = {
  kind: 'union' | 'chamber' | 'external';
  agencyId: string;
  /** Which rule decided, e.g. `guild-union`, `no-union-in-county`, `smuggled-goods`. */
  why: string;
};

function matches(rule: RouteRule, facts: ComplaintFacts): boolean {
  const { category, guild } = rule.when;
  if (category && !category.includes(facts.category)) return false;
  if (guild === 'known' && !facts.guildCode) return false;
  if (guild === 'unknown' && facts.guildCode) return false;
  return true;
}

export function routeComplaint(facts: ComplaintFacts, table: RoutingTable, dir: RoutingDirectory): Route {
  const uncovered: Route = {
    kind: 'external',
    agencyId: table.uncovered.to.external,
    why: table.uncovered.why,
  };
  const rule = table.rules.find((r) => matches(r, facts));
  if (!rule) return uncovered;
  const to = rule.to;
  if (typeof to === 'object') return { kind: 'external', agencyId: to.external, why: rule.why };

  const chamber = facts.county ? dir.chambers[facts.county] : undefined;
  if (to === 'union' && facts.guildCode && facts.county) {
    const union = dir.unions[`${facts.guildCode}|${facts.county}`];
    if (union) return { kind: 'union', agencyId: union, why: rule.why };
    // A guild with no union of its own in this county is supervised by the county chamber.
    if (chamber) return { kind: 'chamber', agencyId: chamber, why: 'no-union-in-county' };
    return uncovered;
  }
  return chamber ? { kind: 'chamber', agencyId: chamber, why: rule.why } : uncovered;
}
