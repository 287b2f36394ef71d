import { extname, join, normalize, sep } from 'node:path';
import { type Context, Hono } from 'hono';
import { isServicePath } from '../../api/paths.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { createRouteShells } from '../http/route-shells.ts';
import { negotiate, type StaticCache, type StaticFile } from '../http/static-cache.ts';

// The built app. Hashed assets are immutable; index.html and sw.js must be revalidated every
// time or an update would never reach installed copies. Unknown page paths get index.html so
// the app's router can take them (SPA fallback), but never the service's own prefixes.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};
const HASHED = /[-.][A-Za-z0-9_-]{8,}\.(?:js|css|wasm|woff2?|png|svg|webp|jpg)$/;

function cacheControl(path: string): string {
  if (path.startsWith('/assets/') || HASHED.test(path)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

export function staticRoutes(staticDir: string | undefined, cache: StaticCache) {
  const app = new Hono({ strict: false });
  const root = staticDir ? normalize(staticDir) : undefined;
  if (root) void cache.warm(root);

  async function file(path: string): Promise<StaticFile | undefined> {
    if (!root) return undefined;
    const full = normalize(join(root, path));
    if (full !== root && !full.startsWith(root + sep)) return undefined; // no escaping the build dir
    return cache.get(full);
  }
  const shells = createRouteShells(file);

  function send(c: Context, f: StaticFile, type: string, cacheControl: string) {
    const { body, encoding } = negotiate(f, c.req.header('accept-encoding'));
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': cacheControl };
    if (f.gzip) headers.Vary = 'Accept-Encoding';
    if (encoding) headers['Content-Encoding'] = encoding;
    return c.body(body, 200, headers);
  }

  app.get('*', async (c) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return fail(c, 400, 'bad-path', MESSAGES.badPath);
    }
    const service = isServicePath(path);
    const target = path.endsWith('/') ? `${path}index.html` : path;
    const data = service ? undefined : await file(target);
    if (data) {
      const type = TYPES[extname(target)] ?? 'application/octet-stream';
      return send(c, data, type, cacheControl(target));
    }
    const wantsHtml = (c.req.header('accept') ?? '').includes('text/html');
    if (!service && wantsHtml) {
      // A shop page's shell names the page's chunks, so they load with the entry (route-shells.ts).
      const index = await shells.forPath(path);
      if (index) return send(c, index, TYPES['.html']!, 'no-cache');
    }
    return fail(c, 404, 'not-found', MESSAGES.notFound);
  });
  return app;
}
