import { Hono } from 'hono';
import QRCode from 'qrcode';
import { langOf, tFor } from '../i18n.ts';
import type { DemoGln } from './demo-glns.ts';

// A plate is printed in Persian whatever language the page is read in.
const plateLabel = tFor('fa')('server:demo.plateLabel');

// Printable demo plates: the GLN as a Digital Link URI in a QR, with the shop's name and the
// number in Persian text, black-on-white and white-on-black, as shops may post either.

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const CSS = `
body { font-family: Vazirmatn, Tahoma, sans-serif; margin: 1rem; background: #eee; color: #111; }
h1 { font-size: 1.3rem; }
.plates { display: flex; flex-wrap: wrap; gap: 1.5rem; }
.plate { inline-size: 16rem; padding: 1rem; border-radius: 0.75rem; text-align: center; margin: 0; }
.plate--light { background: #fff; color: #000; border: 0.15rem solid #000; }
.plate--dark { background: #000; color: #fff; border: 0.15rem solid #000; }
.plate svg { inline-size: 100%; block-size: auto; display: block; }
.plate__name { font-weight: bold; font-size: 1.1rem; margin: 0.5rem 0 0.25rem; }
.plate__label { margin: 0; font-size: 0.9rem; }
.plate__gln { font-family: monospace; font-size: 1.2rem; letter-spacing: 0.1em; margin: 0.25rem 0 0; unicode-bidi: isolate; }
.plate__note { font-size: 0.8rem; margin: 0.25rem 0 0; opacity: 0.8; }
@media print { body { background: #fff; } .plate { break-inside: avoid; } }
`;

async function plate(origin: string, d: DemoGln, dark: boolean): Promise<string> {
  const uri = `${origin}/414/${d.gln}`;
  const svg = await QRCode.toString(uri, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 3,
    color: dark ? { dark: '#ffffff', light: '#000000' } : { dark: '#000000', light: '#ffffff' },
  });
  return `<figure class="plate ${dark ? 'plate--dark' : 'plate--light'}">
  ${svg.replace('<svg ', `<svg role="img" aria-label="${escapeHtml(uri)}" `)}
  <figcaption>
    <p class="plate__name">${escapeHtml(d.name)}</p>
    <p class="plate__label">${plateLabel}</p>
    <p class="plate__gln" dir="ltr">${d.gln}</p>
    <p class="plate__note">${escapeHtml(d.note)}</p>
  </figcaption>
</figure>`;
}

/** `publicOrigin`: the plates encode PUBLIC_URL, never the Host header a visitor sent. */
export function platesRoutes(demo: DemoGln[], publicOrigin: () => string) {
  const app = new Hono({ strict: false });
  app.get('/demo/plates.css', (c) =>
    c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
  );
  app.get('/demo/plates', async (c) => {
    const origin = publicOrigin();
    const items = await Promise.all(demo.flatMap((d) => [plate(origin, d, false), plate(origin, d, true)]));
    const lang = langOf(c);
    const t = tFor(lang);
    const html = `<!doctype html>
<html lang="${lang}" dir="${lang === 'fa' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('server:demo.title')}</title>
<link rel="stylesheet" href="/demo/plates.css">
</head>
<body>
<h1>${t('server:demo.heading')}</h1>
<p>${t('server:demo.intro')}</p>
<main class="plates">
${items.join('\n')}
</main>
</body>
</html>`;
    return c.html(html, 200, { 'Cache-Control': 'no-cache' });
  });
  return app;
}
