import { toSVG } from 'bwip-js/node';
import { Hono } from 'hono';
import type { ProductRecord } from '../../api/index.ts';
import { displayGtin } from '../../api/product-code.ts';
import { langOf, tFor } from '../i18n.ts';

// Printable demo barcodes, one product per symbol the app reads: EAN-13, EAN-8, UPC-A, GS1
// DataMatrix (a medicine, with lot and an expiry in the past, to show the warning), GS1-128 and
// GS1 DataBar Expanded (fresh food, with lot and expiry). Drawn as SVG by bwip-js (Barcode Writer
// in Pure PostScript), so the symbols follow the symbology specifications, not our reading of them.

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A lot and an expiry (YYMMDD) that lie in the past, so scanning the DataMatrix shows the warning. */
export const DEMO_LOT = 'L2407A';
export const DEMO_PAST_EXPIRY = '240731';
/** A future expiry for the fresh-food and logistics symbols. */
export const DEMO_FUTURE_EXPIRY = '291231';

type Symbol = { bcid: string; text: string; label: string; human: string };

export function symbolFor(p: ProductRecord): Symbol {
  const short = displayGtin(p.gtin);
  switch (p.barcode) {
    case 'ean13':
      return { bcid: 'ean13', text: short, label: 'EAN-13', human: short };
    case 'ean8':
      return { bcid: 'ean8', text: short, label: 'EAN-8', human: short };
    case 'upca':
      return { bcid: 'upca', text: short, label: 'UPC-A', human: short };
    case 'gs1datamatrix': {
      const ai = `(01)${p.gtin}(17)${DEMO_PAST_EXPIRY}(10)${DEMO_LOT}`;
      return { bcid: 'gs1datamatrix', text: ai, label: 'GS1 DataMatrix', human: ai };
    }
    case 'gs1-128': {
      const ai = `(01)${p.gtin}(17)${DEMO_FUTURE_EXPIRY}(10)${DEMO_LOT}`;
      return { bcid: 'gs1-128', text: ai, label: 'GS1-128', human: ai };
    }
    case 'databar': {
      const ai = `(01)${p.gtin}(17)${DEMO_FUTURE_EXPIRY}(10)${DEMO_LOT}`;
      return { bcid: 'databarexpanded', text: ai, label: 'GS1 DataBar Expanded', human: ai };
    }
  }
}

function card(p: ProductRecord): string {
  const s = symbolFor(p);
  const linear = !['gs1datamatrix'].includes(s.bcid);
  const svg = toSVG({
    bcid: s.bcid,
    text: s.text,
    scale: 3,
    ...(linear ? { height: 14 } : {}),
    includetext: ['ean13', 'ean8', 'upca'].includes(s.bcid),
    paddingwidth: 4,
    paddingheight: 4,
    backgroundcolor: 'FFFFFF',
  });
  return `<figure class="code">
  ${svg.replace('<svg ', `<svg role="img" aria-label="${escapeHtml(`${s.label}: ${s.human}`)}" `)}
  <figcaption>
    <p class="code__kind">${s.label}</p>
    <p class="code__name">${escapeHtml(p.name)} — ${escapeHtml(p.size)}</p>
    <p class="code__ai" dir="ltr">${escapeHtml(s.human)}</p>
    <p><a href="/01/${p.gtin}">/01/${p.gtin}</a></p>
  </figcaption>
</figure>`;
}

const CSS = `
body { font-family: Vazirmatn, Tahoma, sans-serif; margin: 1rem; background: #eee; color: #111; }
h1 { font-size: 1.3rem; }
.codes { display: flex; flex-wrap: wrap; gap: 1.5rem; }
.code { inline-size: 18rem; padding: 1rem; background: #fff; border: 0.1rem solid #000; border-radius: 0.5rem; margin: 0; text-align: center; }
.code svg { max-inline-size: 100%; block-size: auto; }
.code__kind { font-weight: bold; margin: 0.5rem 0 0.25rem; }
.code__name { margin: 0; }
.code__ai { font-family: monospace; font-size: 0.85rem; unicode-bidi: isolate; overflow-wrap: anywhere; }
@media print { body { background: #fff; } .code { break-inside: avoid; } }
`;

export function productBarcodesRoutes(demo: ProductRecord[]) {
  const app = new Hono({ strict: false });
  app.get('/demo/products', (c) => {
    const lang = langOf(c);
    const t = tFor(lang);
    const html = `<!doctype html>
<html lang="${lang}" dir="${lang === 'fa' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('server:demo.products.title')}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${t('server:demo.products.heading')}</h1>
<p>${t('server:demo.products.intro')}</p>
<main class="codes">
${demo.map(card).join('\n')}
</main>
</body>
</html>`;
    return c.html(html, 200, { 'Cache-Control': 'no-cache', Vary: 'Accept-Language, Cookie' });
  });
  return app;
}
