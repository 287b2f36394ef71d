import { type Context, Hono } from 'hono';
import type { LocationComplaintCounts, NearbyResult } from '../../api/index.ts';
import { CATEGORY_BY_CODE } from '../complaints/categories.ts';
import type { ServiceDeps } from '../deps.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { isValidExtension, rejectBadGln } from '../http/gln-param.ts';
import { etagMatches } from '../records/record-cache.ts';
import { UNRATED } from '../trust/trust-of.ts';

// The public registry: records by GLN (with ETag), by licence, and nearby. They read
// `deps.lookups` (a streaming replica when there is one, README "Running on PostgreSQL");
// complaint counts read the primary, as a reporter checks them right after filing.

const RECORD_CACHE = 'public, max-age=60, stale-while-revalidate=600';
const JSON_UTF8 = 'application/json; charset=utf-8';
const NEARBY_CAP = 50;

export function locationRoutes(deps: ServiceDeps) {
  const app = new Hono({ strict: false });

  app.get('/api/v1/locations', async (c) => {
    const m = /^(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)$/.exec(c.req.query('near') ?? '');
    const radius = Number(c.req.query('radius') ?? 300);
    const lat = Number(m?.[1]);
    const lng = Number(m?.[2]);
    if (
      !m ||
      Math.abs(lat) > 90 ||
      Math.abs(lng) > 180 ||
      !Number.isFinite(radius) ||
      radius < 1 ||
      radius > 5000
    )
      return fail(c, 400, 'bad-query', MESSAGES.badNear);
    const found = await deps.lookups.nearby({ lat, lng }, radius, NEARBY_CAP);
    // Each shop's badge, so lists can filter by it: kept a minute like records, else one more
    // query for the page's others, on the primary.
    const trust = await deps.records.summaries(found.items.map((i) => i.gln));
    const items = found.items.map((i) => ({ ...i, trust: trust.get(i.gln) ?? UNRATED }));
    const body: NearbyResult = { near: { lat, lng }, radius, items, truncated: found.truncated };
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(body);
  });

  // Not under /locations/{gln}/…: that segment is an AI 254 extension, and `complaints` is a valid one.
  app.get('/api/v1/complaint-counts/:gln', async (c) => {
    const gln = c.req.param('gln');
    const bad = rejectBadGln(c, gln);
    if (bad) return bad;
    if (!(await deps.records.get(gln)).found) return fail(c, 404, 'not-found', MESSAGES.unknownGln);
    const byCategory = (await deps.store.openCountsByCategory(gln)).map((r) => ({
      service_code: r.serviceCode,
      service_name: CATEGORY_BY_CODE.get(r.serviceCode)?.name ?? r.serviceCode,
      count: r.count,
    }));
    const body: LocationComplaintCounts = {
      gln,
      open: byCategory.reduce((s, r) => s + r.count, 0),
      byCategory,
    };
    c.header('Cache-Control', 'public, max-age=30');
    return c.json(body);
  });

  const record = async (c: Context, gln: string, ext: string | undefined) => {
    const bad = rejectBadGln(c, gln);
    if (bad) return bad;
    if (ext !== undefined && !isValidExtension(ext))
      return fail(c, 400, 'bad-extension', MESSAGES.badExtension);
    const hit = await deps.records.get(gln, ext);
    if (!hit.found) return fail(c, 404, 'not-found', MESSAGES.unknownGln);
    // A plain header object and the cached bytes: the Node adapter writes such an answer straight
    // to the socket (c.header()/c.body() would build a web Headers object to be copied back).
    if (etagMatches(c.req.header('if-none-match'), hit.etag))
      return new Response(null, { status: 304, headers: { ETag: hit.etag, 'Cache-Control': RECORD_CACHE } });
    return new Response(hit.bytes, {
      status: 200,
      headers: { ETag: hit.etag, 'Cache-Control': RECORD_CACHE, 'Content-Type': JSON_UTF8 },
    });
  };
  app.get('/api/v1/locations/:gln', (c) => record(c, c.req.param('gln'), undefined));
  app.get('/api/v1/locations/:gln/:ext', (c) => record(c, c.req.param('gln'), c.req.param('ext')));

  app.get('/api/v1/licenses/:id', async (c) => {
    const id = c.req.param('id');
    if (!/^[0-9A-Za-z-]{4,32}$/.test(id)) return fail(c, 400, 'bad-request', MESSAGES.badLicence);
    const licence = await deps.lookups.licence(id);
    if (!licence) return fail(c, 404, 'not-found', MESSAGES.unknownLicence);
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(licence);
  });

  return app;
}
