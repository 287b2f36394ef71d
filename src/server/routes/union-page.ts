import { readFileSync } from 'node:fs';
import { Hono } from 'hono';

// The clerk's desk: one HTML page, one script, one stylesheet, all external (the CSP forbids
// inline code).

const read = (name: string) => readFileSync(new URL(`../union-page/${name}`, import.meta.url), 'utf8');

export function unionPageRoutes() {
  const html = read('clerk.html');
  const js = read('clerk.js');
  const css = read('clerk.css');
  const app = new Hono({ strict: false });
  app.get('/union', (c) => c.html(html, 200, { 'Cache-Control': 'no-cache' }));
  app.get('/union/clerk.js', (c) =>
    c.body(js, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }),
  );
  app.get('/union/clerk.css', (c) =>
    c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' }),
  );
  return app;
}
