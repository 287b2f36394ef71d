import { Hono } from 'hono';
import { PlateReadingInputSchema, type PlateReadingResult, plateReadingPath } from '../../api/index.ts';
import { plateVerdict } from '../../api/plate-verdict.ts';
import { requireInstall } from '../abuse/caller.ts';
import type { ServiceDeps } from '../deps.ts';
import { decodeBody, limitBody, validationErrors } from '../http/body.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { rejectBadGln } from '../http/gln-param.ts';

// Plate readings: the app posts the fix behind a shopper's "is this the right place?". The service
// judges near or far itself (the same rule the app shows, api/plate-verdict.ts) from the fix, never
// from a verdict the caller claims, and keeps one reading per install per shop per UTC month: the
// install is the one its token proves, so one phone is one voice however often it taps. A fix too
// coarse to say anything is not kept. The write limits (per install, then per address) apply as to
// every write under /api/ (abuse/limits.ts).

const READING_BODY_LIMIT = 1024;

export function plateReadingRoutes(deps: ServiceDeps) {
  const app = new Hono({ strict: false });

  app.post(plateReadingPath(':gln'), limitBody(READING_BODY_LIMIT), async (c) => {
    const writer = requireInstall(c, deps);
    if (writer instanceof Response) return writer;
    // The path is built by plateReadingPath, so Hono cannot type its parameter: an absent one fails the GLN check.
    const gln = c.req.param('gln') ?? '';
    const bad = rejectBadGln(c, gln);
    if (bad) return bad;
    const body = await decodeBody(c);
    if (!body.ok) return body.response;
    const input = PlateReadingInputSchema.safeParse(body.value);
    if (!input.success) return c.json(validationErrors(input.error, c), 400);
    const hit = await deps.records.get(gln);
    if (!hit.found) return fail(c, 404, 'not-found', MESSAGES.unknownGln);
    const { verdict } = plateVerdict(hit.record.geo, input.data);
    let counted = false;
    if (verdict !== 'imprecise') {
      const at = deps.now().toISOString();
      counted = await deps.store.addPlateReading({
        gln,
        installHash: writer.installHash,
        month: at.slice(0, 7),
        verdict,
        at,
      });
      // A counted reading may cross the confirmation threshold: the next lookup shows it.
      if (counted) deps.records.forget(gln);
    }
    const result: PlateReadingResult = { verdict, counted };
    return c.json(result, counted ? 201 : 200);
  });

  return app;
}
