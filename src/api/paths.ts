// Every path of the app and the service's own prefixes, once. Pages build links with these
// functions, the router reads the patterns, and the service's static routes, the dev server and
// the service worker's navigation denylist read the prefixes, so none of them types a path by hand.

/** The router's patterns (preact-iso syntax). */
export const ROUTES = {
  home: '/',
  scan: '/scan',
  history: '/history',
  complaints: '/complaints',
  newComplaint: '/complaints/new/:gln',
  complaint: '/complaints/:id',
  missingPlate: '/report/missing-plate',
  place: '/place/:gln/:ext?',
  licence: '/licence/:id',
  more: '/more',
  /** Shops near the shopper: a list by distance and a map (src/features/near/). */
  near: '/near',
  product: '/product/:gtin',
  productComplaint: '/product/:gtin/complain',
  /** The staff's desk: its own lazy area with its own layout (src/features/desk/). */
  desk: '/desk',
  deskSignIn: '/desk/sign-in',
  /** The county chamber's queue: escalations and missing-plate reports (inspectors). */
  deskCounty: '/desk/county',
  /** One escalated complaint as the county's inspector works it. */
  deskCountyCase: '/desk/county/cases/:id',
  /** Level-4 verification on site (field agents); without a GLN, a form asks for one. */
  deskVerify: '/desk/verify/:gln?',
  deskAudit: '/desk/audit',
  /** Reporters' words waiting for the union's approval before the shop page shows them. */
  deskModeration: '/desk/moderation',
} as const;

/** The desk's area: every path under it opens the desk, never the shopper's shell. */
export const DESK_ROOT = '/desk';
export function isDeskPath(pathname: string): boolean {
  return pathname === DESK_ROOT || pathname.startsWith(`${DESK_ROOT}/`);
}

type Query = Record<string, string | undefined>;

/** A query string from the given keys, in their order, leaving out the ones not set. */
function withQuery(path: string, query: Query = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * The app's shop page for a GLN and its optional AI 254 extension. Part of the contract: the
 * resolver redirects a plate's Digital Link here, and the app routes it.
 */
export function placePath(gln: string, extension?: string): string {
  return extension ? `/place/${gln}/${encodeURIComponent(extension)}` : `/place/${gln}`;
}

/**
 * The app's product page. Part of the contract: the resolver redirects `/01/{gtin}` here, and
 * the lot and expiry ride along as their AI numbers in the query, as in a Digital Link.
 */
export function productPath(gtin: string, extra: { lot?: string; expiry?: string } = {}): string {
  return withQuery(`/product/${gtin}`, { '10': extra.lot, '17': extra.expiry });
}

export const paths = {
  home: () => ROUTES.home,
  /** `shared`: a photo shared to the app (1) or a share that carried none (0). */
  scan: (query: { shared?: '0' | '1' } = {}) => withQuery(ROUTES.scan, query),
  history: () => ROUTES.history,
  complaints: () => ROUTES.complaints,
  complaint: (id: string) => `/complaints/${encodeURIComponent(id)}`,
  /** The form for a complaint about a plated shop; `draft` resumes one, `category` preselects. */
  newComplaint: (
    gln: string,
    query: { draft?: string; ext?: string; category?: string; plate_gln?: string } = {},
  ) => withQuery(`/complaints/new/${gln}`, query),
  /** Reporting a shop with no plate (`reason=misplaced`: a plate that belongs elsewhere). */
  missingPlate: (query: { draft?: string; reason?: 'misplaced'; gln?: string } = {}) =>
    withQuery(ROUTES.missingPlate, query),
  place: placePath,
  licence: (id: string) => `/licence/${encodeURIComponent(id)}`,
  more: () => ROUTES.more,
  near: () => ROUTES.near,
  product: productPath,
  /** "I paid more than this" for one product. */
  productComplaint: (gtin: string) => `/product/${gtin}/complain`,
  desk: () => ROUTES.desk,
  deskAudit: () => ROUTES.deskAudit,
  deskModeration: () => ROUTES.deskModeration,
  /** `next`: the desk page to return to after signing in (a desk path only). */
  deskSignIn: (query: { next?: string } = {}) => withQuery(ROUTES.deskSignIn, query),
  deskCounty: () => ROUTES.deskCounty,
  deskCountyCase: (id: string) => `/desk/county/cases/${encodeURIComponent(id)}`,
  deskVerify: (gln?: string) => (gln ? `/desk/verify/${gln}` : '/desk/verify'),
  /** Where the manifest's share target posts a photo; the service worker answers it. */
  shareTarget: () => '/share-target',
};

/** The service's own prefixes: never the app's shell, never the service worker's to answer. */
export const SERVICE_PREFIXES = [
  '/api',
  '/open311',
  '/414',
  '/01',
  '/.well-known',
  '/demo',
  '/tiles',
] as const;

export function isServicePath(pathname: string): boolean {
  return SERVICE_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/** The same prefixes as patterns over `pathname + search`, for workbox's navigation denylist. */
export const SERVICE_PATH_PATTERNS: readonly RegExp[] = SERVICE_PREFIXES.map(
  (p) => new RegExp(`^${p.replace(/[.]/g, '\\.')}(?:[/?]|$)`),
);

/** The desk's queue pages (preact-iso patterns), inside the lazy /desk area. */
export const DESK_QUEUE_ROUTES = {
  queue: '/desk/queue',
  complaint: '/desk/complaints/:id',
  dashboard: '/desk/dashboard',
  templates: '/desk/templates',
} as const;

export const deskQueuePaths = {
  queue: () => DESK_QUEUE_ROUTES.queue,
  complaint: (id: string) => `/desk/complaints/${encodeURIComponent(id)}`,
  dashboard: () => DESK_QUEUE_ROUTES.dashboard,
  templates: () => DESK_QUEUE_ROUTES.templates,
};
