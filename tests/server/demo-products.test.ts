import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { displayGtin } from '../../src/api/product-code.ts';
import { generateProducts, pickDemoProducts } from '../../src/server/seed/products.ts';
import { type Harness, startServer } from './harness.ts';

// The printed demo barcodes must scan: each symbol on /demo/products is rasterised and read back
// with the app's own decoder engine (zxing-wasm), which names the symbology it found.

const wasm = readFileSync(path.resolve('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm'));
prepareZXingModule({
  overrides: {
    wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer,
  },
});

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h.stop());

const demo = pickDemoProducts(generateProducts());
const FORMAT: Record<string, RegExp> = {
  ean13: /^EAN-?13$/,
  ean8: /^EAN-?8$/,
  // A UPC-A is the EAN-13 with a leading zero, and zxing may name it either way.
  upca: /^(UPC-?A|EAN-?13)$/,
  gs1datamatrix: /^DataMatrix$/,
  'gs1-128': /^Code ?128$/,
  databar: /^DataBar ?Exp/,
};

describe('/demo/products barcodes', () => {
  it('each symbol reads back as its own symbology carrying its product GTIN', async () => {
    const html = await (await h.get('/demo/products')).text();
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(demo.length);
    for (const [i, svg] of svgs.entries()) {
      const p = demo[i]!;
      const { data, info } = await sharp(Buffer.from(svg), { density: 150 })
        .flatten({ background: '#ffffff' })
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const img = {
        data: new Uint8ClampedArray(data),
        width: info.width,
        height: info.height,
        colorSpace: 'srgb',
      };
      const [hit] = await readBarcodes(img as ImageData, { tryHarder: true, maxNumberOfSymbols: 1 });
      expect(hit, `${p.barcode} decodes`).toBeDefined();
      expect(hit!.format, p.barcode).toMatch(FORMAT[p.barcode]!);
      const text = hit!.text.replace(/[()\u001d]/g, '');
      expect(text, p.barcode).toContain(
        ['ean13', 'ean8', 'upca'].includes(p.barcode) ? displayGtin(p.gtin) : `01${p.gtin}`,
      );
    }
  });
});
