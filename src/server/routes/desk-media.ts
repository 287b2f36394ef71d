import { Hono } from 'hono';
import { DESK_API } from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { worksOn } from '../field/outcome.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { type DeskEnv, requireStaff } from '../staff/require-staff.ts';
import { EXT_TYPE, MEDIA_FILE } from './media.ts';

// A complaint's evidence (photos, voice notes, videos) as the desk fetches it: only for a person
// who works on that complaint (its union's clerks and manager, its county's inspectors and field
// agents), and only a file the complaint names. Anything else answers as an unknown file, so a
// clerk of another union learns nothing, not even that the complaint has evidence.

export function deskMediaRoutes(deps: ServiceDeps) {
  const app = new Hono<DeskEnv>({ strict: false });
  const staff = requireStaff(deps, { roles: ['clerk', 'manager', 'inspector', 'field_agent'] });

  // The pattern of DESK_QUEUE_API.media, by which the desk's pages build these addresses.
  app.get(`${DESK_API}/complaints/:id/media/:file`, staff, async (c) => {
    const id = c.req.param('id') ?? '';
    const file = c.req.param('file') ?? '';
    const notFound = () => fail(c, 404, 'not-found', MESSAGES.notFound);
    const m = MEDIA_FILE.exec(file);
    const req = m ? await deps.store.request(id) : undefined;
    if (!m || !req || !req.mediaUrls.some((u) => u.endsWith(`/${file}`))) return notFound();
    if (!worksOn(c.var.staff, req, await deps.store.requestCounty(id))) return notFound();
    const data = await deps.media.get(file);
    if (!data) return notFound();
    return c.body(new Uint8Array(data), 200, {
      'Content-Type': EXT_TYPE[m[2]!]!,
      // Another person on the same computer must not find it in a shared cache.
      'Cache-Control': 'private, max-age=3600',
    });
  });

  return app;
}
