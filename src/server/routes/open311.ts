import { type Context, Hono } from 'hono';
import {
  type Discovery,
  MAX_MEDIA,
  type ServiceRequestInput,
  ServiceRequestInputSchema,
  SUBSTATUSES,
  statusOf,
  type TokenAnswer,
} from '../../api/index.ts';
import { requireInstall } from '../abuse/caller.ts';
import { callerFor } from '../complaints/auth.ts';
import { CATEGORIES, CATEGORY_BY_CODE, toDefinition, toService } from '../complaints/categories.ts';
import { fileComplaint } from '../complaints/intake.ts';
import { toPublicRequest, toServiceRequest } from '../complaints/view.ts';
import type { ServiceDeps } from '../deps.ts';
import { decodeBody, limitBody, validationErrors } from '../http/body.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { idempotent } from '../http/idempotency.ts';
import { langOf, tOf } from '../i18n.ts';
import { formatPaths, withoutFormat, XML, xmlShape } from '../open311/format.ts';
import { fetchRemoteMedia, isRemote } from '../open311/remote-media.ts';
import { dateWindow } from '../open311/window.ts';

// Open311 GeoReport v2: discovery, categories, their evidence fields, filing, listing and reading
// complaints. Every resource answers `.json`, `.xml` and the bare name (see open311/format.ts).

export const JSON_BODY_LIMIT = 64 * 1024;
/** GeoReport v2, GET Service Requests: "Default query limit is ... first 1000 requests returned". */
export const LIST_CAP = 1000;
const ID = /^[0-9A-Z]{4,20}$/;

const list = (v: string | undefined) =>
  v
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * `lat`/`long`, when sent, must both be real numbers: the schema's coercion would read `null`
 * or "" as 0 and file the report at (0,0), in the Gulf of Guinea.
 */
function coordinatesWellFormed(body: Record<string, unknown>): boolean {
  const has = (k: string) => k in body && body[k] !== undefined;
  if (!has('lat') && !has('long')) return true;
  const ok = (v: unknown) =>
    (typeof v === 'number' && Number.isFinite(v)) ||
    (typeof v === 'string' && /^-?\d+(?:\.\d+)?$/.test(v.trim()));
  return has('lat') && has('long') && ok(body.lat) && ok(body.long);
}

export function open311Routes(deps: ServiceDeps) {
  const app = new Hono({ strict: false });
  const { store } = deps;
  // Service discovery's changeset: "an updated changeset indicates that there has been an update
  // to the Service Discovery list or to the Service Definitions". Both change only with a release.
  const changeset = deps.now().toISOString();

  // Service Discovery: "This url must end in /discovery. Format must be both: xml, json".
  app.on('GET', formatPaths('/open311/discovery'), (c) => {
    xmlShape(c, XML.discovery);
    const t = tOf(c);
    const body: Discovery = {
      changeset,
      contact: t('server:discovery.contact'),
      key_service: t('server:discovery.keyService'),
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${deps.publicOrigin()}/open311/v2`,
          changeset,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    };
    c.header('Cache-Control', 'public, max-age=3600');
    // Worded in the request's language (its cookie, else Accept-Language), so a cache keeps both.
    c.header('Vary', 'Accept-Language, Cookie');
    return c.json(body);
  });

  app.on('GET', formatPaths('/open311/v2/services'), (c) => {
    xmlShape(c, XML.services);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(CATEGORIES.map(toService));
  });

  app.get('/open311/v2/services/:file', async (c) => {
    xmlShape(c, XML.serviceDefinition);
    const category = CATEGORY_BY_CODE.get(withoutFormat(c.req.param('file')));
    if (!category) return fail(c, 404, 'unknown-service', MESSAGES.unknownService);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(toDefinition(category, await store.guilds()));
  });

  app.on('POST', formatPaths('/open311/v2/requests'), limitBody(JSON_BODY_LIMIT), async (c) => {
    xmlShape(c, XML.requests);
    const writer = requireInstall(c, deps);
    if (writer instanceof Response) return writer;
    const decoded = await decodeBody(c);
    if (!decoded.ok) return decoded.response;
    if (!coordinatesWellFormed(decoded.value)) return fail(c, 400, 'validation', MESSAGES.badCoordinates);
    const parsed = ServiceRequestInputSchema.safeParse(decoded.value);
    if (!parsed.success) return c.json(validationErrors(parsed.error, c), 400);
    const fetched = await fetchElsewhere(deps, parsed.data);
    if (!fetched.ok) return fail(c, 400, 'validation', fetched.reason);
    const now = deps.now();
    // The key is checked against the request as sent, so a retry naming the same remote photo is
    // the same request even though the photo is fetched again.
    return idempotent(c, store, 'create', parsed.data, now, () =>
      fileComplaint(deps, fetched.input, now, writer, langOf(c)),
    );
  });

  // GET Service Requests: public views only; no key is asked for or used.
  app.on('GET', formatPaths('/open311/v2/requests'), async (c) => {
    xmlShape(c, XML.requests);
    const ids = list(c.req.query('service_request_id'));
    let query: Parameters<typeof store.listRequests>[0];
    if (ids) {
      // "To call multiple Service Requests at once, multiple service_request_id can be declared;
      // comma delimited. This overrides all other arguments."
      query = { ids: ids.slice(0, LIST_CAP), limit: LIST_CAP };
    } else {
      const window = dateWindow(c.req.query('start_date'), c.req.query('end_date'), deps.now());
      if (!window.ok) return fail(c, 400, 'bad-query', MESSAGES.badDateRange);
      const statuses = list(c.req.query('status'));
      if (statuses?.some((s) => s !== 'open' && s !== 'closed'))
        return fail(c, 400, 'bad-query', MESSAGES.badQuery);
      query = {
        serviceCodes: list(c.req.query('service_code')),
        substatuses: statuses && SUBSTATUSES.filter((s) => statuses.includes(statusOf(s))),
        start: window.start,
        end: window.end,
        limit: LIST_CAP,
      };
    }
    c.header('Cache-Control', 'no-cache');
    const at = deps.publicOrigin();
    const found = await store.listRequests(query);
    return c.json(
      await Promise.all(
        found.map(async (r) => toPublicRequest(r, store, await store.agency(r.agencyId), at, langOf(c))),
      ),
    );
  });

  // GET Service Request: anyone reads the public view; the reporter's (or the union's) token
  // opens the full one. A token that opens nothing is answered exactly as an unknown id is, so
  // the answer never tells whose a complaint is or whether a guessed token came close.
  app.get('/open311/v2/requests/:file', async (c) => {
    xmlShape(c, XML.requests);
    c.header('Vary', 'Authorization');
    c.header('Cache-Control', 'private, no-store');
    const id = withoutFormat(c.req.param('file'));
    const req = ID.test(id) ? await store.request(id) : undefined;
    if (!req) return fail(c, 404, 'not-found', MESSAGES.requestNotFound);
    const agency = await store.agency(req.agencyId);
    if (!c.req.header('authorization'))
      return c.json([await toPublicRequest(req, store, agency, deps.publicOrigin(), langOf(c))]);
    const caller = await callerFor(c, store, req);
    if (caller.kind !== 'reporter' && caller.kind !== 'agency')
      return fail(c, 404, 'not-found', MESSAGES.requestNotFound);
    return c.json([await toServiceRequest(req, store, agency, deps.publicOrigin(), langOf(c))]);
  });

  // GET service_request_id from a token. Every service here is realtime (POST answers the id at
  // once), so no separate token is ever issued; a request's id stands as its own token, and any
  // other token is one this service never gave out.
  app.get('/open311/v2/tokens/:file', async (c) => {
    xmlShape(c, XML.requests);
    const token = withoutFormat(c.req.param('file'));
    const req = ID.test(token) ? await store.request(token) : undefined;
    if (!req) return fail(c, 404, 'not-found', MESSAGES.unknownToken);
    const body: TokenAnswer = [{ service_request_id: req.id, token }];
    return c.json(body);
  });

  return app;
}

type Elsewhere = { ok: true; input: ServiceRequestInput } | { ok: false; reason: string };

/** Photos named by a URL on another server become this service's own copies, or the filing is refused. */
async function fetchElsewhere(deps: ServiceDeps, input: ServiceRequestInput): Promise<Elsewhere> {
  const own = deps.publicOrigin();
  const given = [...(input.media_url ? [input.media_url] : []), ...(input.media_urls ?? [])];
  if (!given.some((u) => isRemote(u, own))) return { ok: true, input };
  if (new Set(given).size > MAX_MEDIA) return { ok: false, reason: MESSAGES.tooManyMedia };
  const local = new Map<string, string>();
  for (const raw of new Set(given.filter((u) => isRemote(u, own)))) {
    const got = await fetchRemoteMedia(raw, deps.media, deps.remoteMedia, deps.now());
    if (!got.ok) return got;
    local.set(raw, got.url);
  }
  const swap = (u: string) => local.get(u) ?? u;
  return {
    ok: true,
    input: {
      ...input,
      ...(input.media_url ? { media_url: swap(input.media_url) } : {}),
      ...(input.media_urls ? { media_urls: input.media_urls.map(swap) } : {}),
    },
  };
}
