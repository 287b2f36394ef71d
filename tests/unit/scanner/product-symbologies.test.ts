import { readFileSync } from 'node:fs';
import path from 'node:path';
import bwipjs from 'bwip-js/node';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { hitFromResult } from '../../../src/scanner/decode-hit.ts';
import { FAST_OPTIONS, FULL_OPTIONS } from '../../../src/scanner/reader-options.ts';

// What the worker hands to classify() for a product's barcode, with the app's own reader options
// and the real decoder: the symbology identifier (ISO/IEC 15424) in front of the data, as the GS1
// General Specifications expect a reader to transmit it ("The system recognises this element
// string by the symbology identifier ]E0 and ]e0", section 2.1, trade items scanned at point of
// sale), and FNC1 separators as GS ("When FNC1 is used as a data separator, there is no direct
// translation for it into ASCII, so the value <GS> must be used instead", GSCN 16-477).

beforeAll(() => {
  const wasm = readFileSync(path.resolve('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm'));
  prepareZXingModule({
    overrides: {
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer,
    },
  });
});

const GS = '\u001d';

async function scan(bcid: string, text: string, options = FAST_OPTIONS) {
  const png = await bwipjs.toBuffer({
    bcid,
    text,
    scale: 3,
    height: 12,
    paddingwidth: 12,
    paddingheight: 12,
    backgroundcolor: 'FFFFFF',
  });
  const { data, info } = await sharp(png)
    .flatten({ background: '#ffffff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const image = {
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
  };
  const [result] = await readBarcodes(image as ImageData, options);
  return result ? hitFromResult(result) : null;
}

describe('product symbologies, as the decoder hands them on', () => {
  it('EAN-13: ]E0 and the 13 digits', async () => {
    expect(await scan('ean13', '6260000123459')).toMatchObject({ text: ']E06260000123459', isGS1: false });
  });

  it('UPC-A: ]E0 and the 13-digit EAN-13 form (a leading zero), so one GTIN reads one way', async () => {
    expect((await scan('upca', '036000291452'))?.text).toBe(']E00036000291452');
  });

  it('UPC-E: ]E0 and the UPC-A it stands for, zero-suppression undone', async () => {
    // UPC-E 0 123456 5 stands for UPC-A 0 12345 00006 5 (last digit 6: manufacturer digits d1..d5).
    expect((await scan('upce', '01234565'))?.text).toBe(']E00012345000065');
  });

  it('EAN-8: ]E4 and the 8 digits', async () => {
    expect((await scan('ean8', '62600125'))?.text).toBe(']E462600125');
  });

  it('GS1 DataMatrix: ]d2, GS after each variable-length element but the last', async () => {
    const hit = await scan('gs1datamatrix', '(01)06260000123459(17)261231(10)A12B(21)SN981');
    expect(hit).toMatchObject({ text: `]d201062600001234591726123110A12B${GS}21SN981`, isGS1: true });
  });

  it('GS1-128: ]C1 (FNC1 in first position), GS kept', async () => {
    const hit = await scan('gs1-128', '(01)06260000123459(10)L1(15)260101');
    expect(hit).toMatchObject({ text: `]C1010626000012345910L1${GS}15260101`, isGS1: true });
  });

  it('GS1 DataBar: ]e0 and the element string (01) + GTIN-14', async () => {
    expect(await scan('databaromni', '(01)06260000123459')).toMatchObject({
      text: ']e00106260000123459',
      isGS1: true,
    });
  });

  it('GS1 DataBar Expanded and Expanded Stacked: ]e0, with weight and sell-by date', async () => {
    const data = '(01)06260000123459(3103)001234(15)261231';
    expect((await scan('databarexpanded', data))?.text).toBe(']e00106260000123459310300123415261231');
    expect((await scan('databarexpandedstacked', data, FULL_OPTIONS))?.text).toBe(
      ']e00106260000123459310300123415261231',
    );
  });

  it('a GS1 QR plate still comes as ]Q3 with its GS separators', async () => {
    const hit = await scan('gs1qrcode', '(414)6260000000019(254)A1(90)X');
    expect(hit).toMatchObject({ text: `]Q34146260000000019254A1${GS}90X`, isGS1: true });
  });
});
