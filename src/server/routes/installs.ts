import { Hono } from 'hono';
import type { InstallCreated } from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';

// An app install asks once for its install token (abuse/install-token.ts). Asking carries no
// token, so it falls under the tight per-address limit of anonymous writes.

export function installRoutes(deps: ServiceDeps) {
  const app = new Hono({ strict: false });
  app.post('/api/v1/installs', (c) => {
    const { installId, token } = deps.installs.issue();
    const body: InstallCreated = { install_id: installId, install_token: token };
    c.header('Cache-Control', 'no-store');
    return c.json(body, 201);
  });
  return app;
}
