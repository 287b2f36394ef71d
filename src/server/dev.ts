import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { isServicePath } from '../api/paths.ts';
import { createService } from './service.ts';

// `npm run dev`: Vite serves the app; this hands the service's routes to the same Hono app that
// `npm start` runs, so the dev origin behaves like production.

export async function createDevMiddleware() {
  // Vite's own origin (its default port unless PUBLIC_URL says otherwise) names every absolute URL.
  const service = await createService({
    dataDir: resolve(process.env.DATA_DIR ?? './data'),
    databaseUrl: process.env.DATABASE_URL || undefined,
    env: process.env,
    publicUrl: process.env.PUBLIC_URL ?? 'http://localhost:5173',
  });
  const listener = getRequestListener(service.app.fetch);
  const first = service.demo.glns[0];
  if (first) console.log(`  Kala Be Fi service mounted: /414/${first.gln}, /demo/plates, /union`);
  return (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => {
    if (!isServicePath(new URL(req.url ?? '/', 'http://dev.invalid').pathname)) return next();
    listener(req, res).catch(next);
  };
}
