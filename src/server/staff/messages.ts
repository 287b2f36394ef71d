import faDesk from '../../../locales/fa/desk.json' with { type: 'json' };

// The desk's refusals, worded from the desk's own catalogue (locales/*/desk.json), which the
// desk's pages read too.

type Key = keyof typeof faDesk.errors;
export const DESK_MESSAGES = Object.fromEntries(
  Object.keys(faDesk.errors).map((k) => [k, `desk:errors.${k}`]),
) as { [K in Key]: `desk:errors.${K}` };
