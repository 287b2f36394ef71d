// Product barcodes for the decoder benchmark, one list per symbology, rendered by bwip-js and
// pasted into 1280x720 camera-sized frames: a few sizes, tilts and a little blur, the way a
// shopper holds a box or a blister pack up to the phone. Deterministic (seeded), so runs compare.
//
// Each sample knows what a scanner must transmit: the symbology identifier (ISO/IEC 15424, as GS1
// General Specifications 5.4.7.x lists them for GS1 symbols) and the data, GS separators kept.
import bwipjs from 'bwip-js/node';
import sharp from 'sharp';
import { gs1CheckDigit } from '../../src/gs1/check-digit.ts';

export type ProductSample = {
  symbology: string;
  name: string;
  /** What the decoder must hand on: symbology identifier + data. */
  expected: string;
  frame: { data: Uint8ClampedArray; width: number; height: number };
};

const GS = '\u001d';
const FRAME = { width: 1280, height: 720 };

/** A small linear congruential generator: the same frames on every run. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const withCheck = (digits: string) => digits + gs1CheckDigit(digits);

/** UPC-E's seven digits (number system + six) as the UPC-A it stands for (GS1 GenSpecs 5.2.2.4.2). */
function upcEToUpcA(nsAndSix: string): string {
  const [ns, d1, d2, d3, d4, d5, d6] = nsAndSix;
  const body =
    d6 === '0' || d6 === '1' || d6 === '2'
      ? `${d1}${d2}${d6}0000${d3}${d4}${d5}`
      : d6 === '3'
        ? `${d1}${d2}${d3}00000${d4}${d5}`
        : d6 === '4'
          ? `${d1}${d2}${d3}${d4}00000${d5}`
          : `${d1}${d2}${d3}${d4}${d5}0000${d6}`;
  return withCheck(`${ns}${body}`);
}

/** `(01)...(10)...` to the transmitted data: a GS after each variable-length element but the last. */
function elementString(bracketed: string): string {
  const parts = [...bracketed.matchAll(/\((\d+)\)([^(]*)/g)].map((m) => ({ ai: m[1]!, value: m[2]! }));
  // Predefined-length AIs (GS1 GenSpecs 7.8.5, figure 7.8.5-2): their first two digits.
  const fixed = new Set([
    '00',
    '01',
    '02',
    '03',
    '04',
    '11',
    '12',
    '13',
    '14',
    '15',
    '16',
    '17',
    '18',
    '19',
    '20',
    '31',
    '32',
    '33',
    '34',
    '35',
    '36',
    '41',
  ]);
  return parts
    .map((p, i) => p.ai + p.value + (i < parts.length - 1 && !fixed.has(p.ai.slice(0, 2)) ? GS : ''))
    .join('');
}

type Spec = { symbology: string; bcid: string; text: string; expected: string; linear: boolean };

function specs(): Spec[] {
  const gtin12 = [
    '626000012345',
    '626123400001',
    '626987650003',
    '626555500011',
    '626001002003',
    '626777788889',
  ];
  const out: Spec[] = [];
  for (const d of gtin12) {
    const ean = withCheck(d);
    out.push({ symbology: 'EAN-13', bcid: 'ean13', text: ean, expected: `]E0${ean}`, linear: true });
  }
  for (const d of ['6260012', '6261234', '6269876', '6265555', '6260101', '6267777']) {
    const ean8 = withCheck(d);
    out.push({ symbology: 'EAN-8', bcid: 'ean8', text: ean8, expected: `]E4${ean8}`, linear: true });
  }
  for (const d of [
    '03600029145',
    '01234567890',
    '04210000526',
    '07000000001',
    '08765432109',
    '05000011111',
  ]) {
    const upca = withCheck(d);
    // UPC-A is transmitted as the 13-digit EAN-13 with a leading zero (GenSpecs 5.2.2.4.1).
    out.push({ symbology: 'UPC-A', bcid: 'upca', text: upca, expected: `]E00${upca}`, linear: true });
  }
  for (const d of ['0123456', '0654321', '0123453', '0111114', '0234567', '0987658']) {
    const upca = upcEToUpcA(d);
    out.push({
      symbology: 'UPC-E',
      bcid: 'upce',
      text: d + upca.slice(-1),
      expected: `]E00${upca}`,
      linear: true,
    });
  }
  const gtin14 = gtin12.map((d) => withCheck(`0${d}`));
  const dm = [
    `(01)${gtin14[0]}(17)261231(10)A12B(21)SN000981`,
    `(01)${gtin14[1]}(17)240630(10)LOT7`,
    `(01)${gtin14[2]}(21)X1Y2Z3(17)270101`,
    `(01)${gtin14[3]}(10)8812(17)251130`,
    `(01)${gtin14[4]}(17)260301(21)00042`,
    `(01)${gtin14[5]}(10)Q-1(21)77(17)280815`,
  ];
  for (const t of dm)
    out.push({
      symbology: 'GS1 DataMatrix',
      bcid: 'gs1datamatrix',
      text: t,
      expected: `]d2${elementString(t)}`,
      linear: false,
    });
  const g128 = [
    `(01)${gtin14[0]}(10)L1(15)260101`,
    `(01)${gtin14[1]}(3103)001250`,
    `(01)${gtin14[2]}(13)251201(10)B7`,
    `(01)${gtin14[3]}(15)270331`,
    `(01)${gtin14[4]}(10)ABC(21)12345`,
    `(01)${gtin14[5]}(3103)000500(17)260101`,
  ];
  for (const t of g128)
    out.push({
      symbology: 'GS1-128',
      bcid: 'gs1-128',
      text: t,
      expected: `]C1${elementString(t)}`,
      linear: true,
    });
  gtin14.forEach((g, i) => {
    const bcid = i % 3 === 2 ? 'databarstacked' : 'databaromni';
    out.push({ symbology: 'GS1 DataBar', bcid, text: `(01)${g}`, expected: `]e001${g}`, linear: true });
  });
  const exp = [
    `(01)${gtin14[0]}(3103)001234(15)261231`,
    `(01)${gtin14[1]}(3102)004500(17)260115`,
    `(01)${gtin14[2]}(3102)012345`,
    `(01)${gtin14[3]}(15)260220(10)F12`,
    `(01)${gtin14[4]}(3103)000750(3922)98000`,
    `(01)${gtin14[5]}(17)251015(10)ABC`,
  ];
  exp.forEach((t, i) => {
    const bcid = i % 3 === 2 ? 'databarexpandedstacked' : 'databarexpanded';
    out.push({
      symbology: 'GS1 DataBar Expanded',
      bcid,
      text: t,
      expected: `]e0${elementString(t)}`,
      linear: true,
    });
  });
  return out;
}

/** Every product sample, each in its own 1280x720 frame. */
export async function productSamples(): Promise<ProductSample[]> {
  const rand = seeded(15);
  const out: ProductSample[] = [];
  for (const [i, spec] of specs().entries()) {
    // 2 to 4 pixels a module (a box at arm's length to close up), tilted a little or turned
    // right round, every third one a little out of focus.
    const scale = 2 + Math.floor(rand() * 3);
    const angle = [0, 4, -7, 90, 180, 0][i % 6]!;
    const blur = i % 3 === 1 ? 0.7 : 0;
    // A long GS1-128 at 4 px a module, turned upright, does not fit the frame: a shopper would
    // step back, so it gets smaller modules.
    let codePng: Buffer = Buffer.alloc(0);
    for (let s = scale; s >= 1; s--) {
      const png = await bwipjs.toBuffer({
        bcid: spec.bcid,
        text: spec.text,
        scale: s,
        ...(spec.linear ? { height: 14 } : {}),
        includetext: false,
        paddingwidth: 8,
        paddingheight: 6,
        backgroundcolor: 'FFFFFF',
      } as Parameters<typeof bwipjs.toBuffer>[0]);
      let code = sharp(png).flatten({ background: '#ffffff' }).rotate(angle, { background: '#b4b0a8' });
      if (blur) code = code.blur(blur);
      codePng = await code.png().toBuffer();
      const size = await sharp(codePng).metadata();
      if (size.width! <= FRAME.width - 40 && size.height! <= FRAME.height - 40) break;
    }
    const meta = await sharp(codePng).metadata();
    const left = Math.floor(rand() * Math.max(1, FRAME.width - meta.width!));
    const top = Math.floor(rand() * Math.max(1, FRAME.height - meta.height!));
    const { data, info } = await sharp({
      create: { ...FRAME, channels: 4, background: { r: 180, g: 176, b: 168, alpha: 1 } },
    })
      .composite([{ input: codePng, left, top }])
      .raw()
      .toBuffer({ resolveWithObject: true });
    out.push({
      symbology: spec.symbology,
      name: `${spec.bcid}-${i}`,
      expected: spec.expected,
      frame: {
        data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
        width: info.width,
        height: info.height,
      },
    });
  }
  return out;
}
