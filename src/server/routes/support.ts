import type { Context } from 'hono';
import { Hono } from 'hono';
import { isOpen, PlaceSupportInputSchema, type PlaceSupportResult } from '../../api/index.ts';
import { requireInstall, type Writer } from '../abuse/caller.ts';
import { dayOf } from '../abuse/limits.ts';
import { CATEGORY_BY_CODE } from '../complaints/categories.ts';
import type { ServiceDeps } from '../deps.ts';
import { decodeBody, limitBody, validationErrors } from '../http/body.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { rejectBadGln } from '../http/gln-param.ts';

// "Me too": another shopper who saw the same violation backs an open complaint instead of filing
// a duplicate. One support per install per complaint; a repeat from the same install changes
// nothing. The install is the one its token proves (abuse/install-token.ts): a `device_id` in the
// body is accepted for older clients and ignored, or anyone could support as a thousand phones.
// Only open complaints in the desk's queue take support (not closed, withdrawn, in triage or
// spam), each install has a daily cap, and an install a clerk caught sending spam has none.

const SUPPORT_BODY_LIMIT = 4096;

/** One more of today's supports for this install, or the 429 to answer with. */
async function takeSupport(c: Context, deps: ServiceDeps, w: Writer): Promise<Response | undefined> {
  const { store, limits } = deps;
  const struck = (await store.strikes(`install:${w.installHash}`)) > 0;
  if (
    struck ||
    !(await store.takeQuota(
      `supports:install:${w.installHash}`,
      dayOf(deps.now()),
      limits.daily.supportsPerInstall,
    ))
  )
    return fail(c, 429, 'quota-exceeded', MESSAGES.supportQuota);
  return undefined;
}

export function supportRoutes(deps: ServiceDeps) {
  const app = new Hono({ strict: false });
  const { store } = deps;

  /** By id: for a caller who already knows the complaint (the union page, a shared link). */
  app.post('/open311/v2/requests/:id/support.json', limitBody(SUPPORT_BODY_LIMIT), async (c) => {
    const writer = requireInstall(c, deps);
    if (writer instanceof Response) return writer;
    const id = c.req.param('id');
    const req = await store.request(id);
    if (!req) return fail(c, 404, 'not-found', MESSAGES.requestNotFound);
    const deviceHash = writer.installHash;
    if (req.deviceHash === deviceHash) return fail(c, 409, 'own-complaint', MESSAGES.ownComplaint);
    if (!isOpen(req.substatus) || req.triage || req.spam)
      return fail(c, 409, 'invalid-transition', MESSAGES.supportClosed);
    if (await store.hasSupported(id, deviceHash))
      return c.json({ service_request_id: id, supporters: req.supporters });
    const refused = await takeSupport(c, deps, writer);
    if (refused) return refused;
    return c.json({ service_request_id: id, supporters: await store.addSupport(id, deviceHash) });
  });

  /**
   * By place: the shopper knows the shop and what they saw, not the id (which it need not look up), so
   * the oldest open complaint of that category at that shop is the one backed. The answer names
   * the union and the deadline only: no id, no reporter data. Complaints filed from the same
   * device are skipped; if one of them is all there is, 409 `own-complaint`.
   */
  app.post('/open311/v2/support.json', limitBody(SUPPORT_BODY_LIMIT), async (c) => {
    const writer = requireInstall(c, deps);
    if (writer instanceof Response) return writer;
    const decoded = await decodeBody(c);
    if (!decoded.ok) return decoded.response;
    const parsed = PlaceSupportInputSchema.safeParse(decoded.value);
    if (!parsed.success) {
      // A GLN with a wrong check digit gets its own message, as everywhere else.
      const gln = decoded.value.address_id;
      const bad = typeof gln === 'string' ? rejectBadGln(c, gln) : null;
      return bad ?? c.json(validationErrors(parsed.error, c), 400);
    }
    const input = parsed.data;
    const bad = rejectBadGln(c, input.address_id);
    if (bad) return bad;
    const category = CATEGORY_BY_CODE.get(input.service_code);
    if (!category) return fail(c, 400, 'unknown-service', MESSAGES.unknownService);
    if (!(await store.locationSummary(input.address_id)))
      return fail(c, 404, 'not-found', MESSAGES.unknownGln);

    const refused = await takeSupport(c, deps, writer);
    if (refused) return refused;
    const backed = await store.supportOpenAt(input.address_id, category.code, writer.installHash);
    if (backed.kind === 'none') return fail(c, 404, 'not-found', MESSAGES.noOpenComplaint);
    // Only the caller's own complaint is open: backing it would count the reporter twice.
    if (backed.kind === 'own') return fail(c, 409, 'own-complaint', MESSAGES.ownComplaint);
    const { request, added } = backed;
    const body: PlaceSupportResult = {
      address_id: input.address_id,
      service_code: category.code,
      service_name: category.name,
      supporters: request.supporters,
      already_supported: !added,
      agency_responsible: (await store.agency(request.agencyId))?.name ?? '',
      expected_datetime: request.expectedAt,
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  return app;
}
