import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Hono } from 'hono';
import { fail, MESSAGES } from '../http/errors.ts';

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
const SERVICE_PREFIXES = ['/api', '/open311', '/414', '/.well-known', '/demo', '/union'];
const HASHED = /[-.][A-Za-z0-9_-]{8,}\.(?:js|css|wasm|woff2?|png|svg|webp|jpg)$/;

function cacheControl(path: string): string {
  if (path.startsWith('/assets/') || HASHED.test(path)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

export function staticRoutes(staticDir: string | undefined) {
  const app = new Hono({ strict: false });
  const root = staticDir ? normalize(staticDir) : undefined;

  async function file(path: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
    if (!root) return undefined;
    const full = normalize(join(root, path));
    if (full !== root && !full.startsWith(root + sep)) return undefined; // no escaping the build dir
    const info = await stat(full).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    return new Uint8Array(await readFile(full));
  }

  app.get('*', async (c) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return fail(c, 400, 'bad-path', MESSAGES.badPath);
    }
    const service = SERVICE_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
    const target = path.endsWith('/') ? `${path}index.html` : path;
    const data = service ? undefined : await file(target);
    if (data) {
      const type = TYPES[extname(target)] ?? 'application/octet-stream';
      return c.body(data, 200, { 'Content-Type': type, 'Cache-Control': cacheControl(target) });
    }
    const wantsHtml = (c.req.header('accept') ?? '').includes('text/html');
    if (!service && wantsHtml) {
      const index = await file('/index.html');
      if (index) return c.body(index, 200, { 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-cache' });
    }
    return fail(c, 404, 'not-found', MESSAGES.notFound);
  });
  return app;
}
