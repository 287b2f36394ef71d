// The desks `npm start` introduces: the first demo shop is a Tehran supermarket (guild 4711), so
// its union, a second Tehran union and the Tehran chamber. Their demo people are made on first
// start (secrets/desk-users.ts) and the shared tokens printed for them (secrets/union-tokens.ts).

export const DEMO_UNIONS = ['union-4711-tehran', 'union-4771-tehran'] as const;
export const DEMO_CHAMBERS = ['chamber-tehran'] as const;
