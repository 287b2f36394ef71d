import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Hono } from 'hono';
import { langOf, type ServerLang, tFor } from '../i18n.ts';

// The clerk's desk: one HTML page, one script, one stylesheet, all external (the CSP forbids
// inline code). The page's words are filled in from the locales in the request's language; the
// script is bundled from clerk.ts once, on first request, so it shares the lifecycle tables and
// locale files with the service and the app instead of copying them.

const file = (name: string) => new URL(`../union-page/${name}`, import.meta.url);
const read = (name: string) => readFileSync(file(name), 'utf8');

function renderPage(template: string, lang: ServerLang): string {
  const t = tFor(lang);
  return template
    .replace('<html lang="fa" dir="rtl">', `<html lang="${lang}" dir="${lang === 'fa' ? 'rtl' : 'ltr'}">`)
    .replace(/\{\{(clerk\.[\w.]+)\}\}/g, (_, key: string) => t(`server:${key}`));
}

let script: Promise<string> | undefined;
function bundle(): Promise<string> {
  script ??= build({
    entryPoints: [fileURLToPath(file('clerk.ts'))],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return script;
}

export function unionPageRoutes() {
  const template = read('clerk.html');
  const pages: Record<ServerLang, string> = {
    fa: renderPage(template, 'fa'),
    en: renderPage(template, 'en'),
  };
  const css = read('clerk.css');
  const app = new Hono({ strict: false });
  app.get('/union', (c) => {
    return c.html(pages[langOf(c)], 200, { 'Cache-Control': 'no-cache', Vary: 'Accept-Language' });
  });
  app.get('/union/clerk.js', async (c) =>
    c.body(await bundle(), 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
    }),
  );
  app.get('/union/clerk.css', (c) =>
    c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' }),
  );
  return app;
}
