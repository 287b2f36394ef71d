// Decoder benchmark, two parts.
//
// 1. Plates and QR photos: every image of ../shared/qr-samples (one folder per set, expected text
//    in N.txt, `*falsepositives*` folders must yield nothing), decoded as-is and pasted into a
//    1280x720 camera-sized frame, by the app's decoder (same options, same frame schedule) and by
//    the comparison engines; figures per folder.
// 2. Products: EAN-13, EAN-8, UPC-A, UPC-E, GS1 DataMatrix, GS1-128, GS1 DataBar (+ expanded)
//    rendered by bwip-js into 1280x720 frames (tests/bench/product-codes.ts); figures per symbology,
//    a read counts only with the right symbology identifier and GS separators.
//
// `--dir PATH` for another folder of that layout, `--json` to end with one JSON line of figures,
// `--no-products` to skip part 2, `--verbose` to name every miss, misread and false positive.
// Every attempt is timed on both clocks, side by side: the wall clock (what a shopper waits, which
// on a shared machine also counts the time the decoder waited for a core) and the process's CPU
// time (the decoder's own work, which the load does not change). `--cpu` sorts by CPU time.
//
// Timing is the decoder call alone (pixels already RGBA), the same for every engine; for the app
// it includes the deep pass's own image work. The app's median is over its decode attempts, as
// the frame loop spends them on a still scene: a fast frame, then each thorough kind of frame
// (full effort, deep fine, deep smoothing) until one reads. `app (QR only, before)` is the
// decoder as it was before products and the deep pass, run side by side for comparison.
// Figures and the machine's load: tests/bench/RESULTS.md.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  QRCodeReader,
  RGBLuminanceSource,
} from '@zxing/library';
import sharp from 'sharp';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { aimRegion, cropRgba } from '../../src/scanner/aim-region.ts';
import { contentOf, hitFromResult } from '../../src/scanner/decode-hit.ts';
import { isDeep, readDeep } from '../../src/scanner/deep-pass.ts';
import type { Effort } from '../../src/scanner/messages.ts';
import { EFFORT_CYCLE, FAST_OPTIONS, FULL_OPTIONS } from '../../src/scanner/reader-options.ts';
import { productSamples } from './product-codes.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const dirArg = args.indexOf('--dir');
// ../shared beside the repository; a worktree one level further down finds it one level up.
const samplesDir =
  dirArg >= 0
    ? path.resolve(args[dirArg + 1]!)
    : (['../shared/qr-samples', '../../shared/qr-samples']
        .map((p) => path.resolve(repoRoot, p))
        .find((p) => existsSync(p)) ?? path.resolve(repoRoot, '../shared/qr-samples'));
const asJson = args.includes('--json');
/** `--cpu`: CPU time is the headline figure (the wall clock is printed beside it either way). */
const cpuClock = args.includes('--cpu');
/** One attempt's time on both clocks, in ms. */
type Timing = { wall: number; cpu: number };
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
function startTimer(): () => Timing {
  const wall0 = performance.now();
  const cpu0 = cpuNow();
  return () => ({ wall: performance.now() - wall0, cpu: cpuNow() - cpu0 });
}
const verbose = args.includes('--verbose');
const FRAME = { width: 1280, height: 720 };

const wasm = readFileSync(path.join(repoRoot, 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm'));
// Compiled and instantiated before the first timed read, as the worker does on its warm-up
// message: otherwise the module's start-up would be counted as the first attempt's decode time.
await prepareZXingModule({
  overrides: {
    wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer,
  },
  fireImmediately: true,
});

type Rgba = { data: Uint8ClampedArray; width: number; height: number };
type Sample = { set: string; name: string; expected: string | null; file: string };
/** What an engine read (null for nothing), how long each attempt took, and which attempt read it. */
type Outcome = { text: string | null; ms: Timing[]; by?: string };
type Engine = (img: Rgba) => Promise<Outcome>;

function listSamples(root: string): Sample[] {
  const out: Sample[] = [];
  for (const set of readdirSync(root).sort()) {
    const dir = path.join(root, set);
    if (!statSync(dir).isDirectory()) continue;
    const negative = set.includes('falsepositives');
    for (const file of readdirSync(dir).sort()) {
      if (!/\.(png|jpe?g|gif|webp)$/i.test(file)) continue;
      const base = file.replace(/\.[^.]+$/, '');
      const txt = path.join(dir, `${base}.txt`);
      let expected: string | null = null;
      if (!negative) {
        try {
          expected = readFileSync(txt, 'utf8');
        } catch {
          continue; // an image without its expected text is not a sample
        }
      }
      out.push({ set, name: base, expected, file: path.join(dir, file) });
    }
  }
  return out;
}

async function loadRgba(file: string, framed: boolean): Promise<Rgba> {
  let img = sharp(file, { animated: false }).ensureAlpha();
  if (framed) {
    const meta = await sharp(file).metadata();
    const w = meta.width ?? FRAME.width;
    const h = meta.height ?? FRAME.height;
    const scale = Math.min(1, FRAME.width / w, FRAME.height / h);
    const inner = await sharp(file, { animated: false })
      .resize(Math.round(w * scale), Math.round(h * scale))
      .png()
      .toBuffer();
    img = sharp({ create: { ...FRAME, channels: 4, background: { r: 200, g: 200, b: 200, alpha: 1 } } })
      .composite([{ input: inner, gravity: 'centre' }])
      .ensureAlpha();
  }
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
  };
}

/** Text as the app hands it on: symbology identifier + content. */
async function timedRead(
  read: () => ReturnType<typeof readBarcodes>,
): Promise<{ text: string | null; ms: Timing }> {
  const stop = startTimer();
  const results = await read();
  const ms = stop();
  const hit = results[0] ? hitFromResult(results[0]) : null;
  return { text: hit ? hit.text : null, ms };
}

/** The efforts a still scene gets from the frame loop, each once, in the order it gives them. */
const STILL_EFFORTS: Effort[] = [...new Set(EFFORT_CYCLE)];
const effortMs: Record<string, Timing[]> = {};

/** The app: a fast frame, then each kind of thorough frame until one reads. */
const appEngine: Engine = async (img) => {
  const ms: Timing[] = [];
  for (const effort of STILL_EFFORTS) {
    // A fast frame reads the aiming square only; copying it out is timed with the decode.
    const r = await timedRead(() =>
      effort === 'fast'
        ? readBarcodes(cropRgba(img, aimRegion(img.width, img.height)) as ImageData, FAST_OPTIONS)
        : isDeep(effort)
          ? readDeep(img, effort)
          : readBarcodes(img as ImageData, FULL_OPTIONS),
    );
    ms.push(r.ms);
    effortMs[effort] ??= [];
    effortMs[effort].push(r.ms);
    if (r.text !== null) return { text: r.text, ms, by: effort };
  }
  return { text: null, ms };
};

/** The app as it was: QR only, a fast frame then a full-effort one. */
const appBefore: Engine = async (img) => {
  const ms: Timing[] = [];
  for (const options of [FAST_OPTIONS, FULL_OPTIONS]) {
    const r = await timedRead(() => readBarcodes(img as ImageData, { ...options, formats: ['QRCode'] }));
    ms.push(r.ms);
    if (r.text !== null) return { text: r.text, ms };
  }
  return { text: null, ms };
};

/** zxing-wasm as it comes: every format, default options (its text mode is HRI, see `sameData`). */
const zxingWasmDefault: Engine = async (img) => {
  const r = await timedRead(() => readBarcodes(img as ImageData, {}));
  return { text: r.text, ms: [r.ms] };
};

const zxingJsHints = new Map<DecodeHintType, unknown>([
  [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE]],
  [DecodeHintType.TRY_HARDER, true],
]);
const zxingJs: Engine = async (img) => {
  const stop = startTimer();
  let text: string | null = null;
  try {
    const lum = new Uint8ClampedArray(img.width * img.height);
    for (let i = 0, p = 0; i < lum.length; i++, p += 4) {
      lum[i] = (img.data[p]! * 306 + img.data[p + 1]! * 601 + img.data[p + 2]! * 117) >> 10;
    }
    const source = new RGBLuminanceSource(lum, img.width, img.height);
    text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), zxingJsHints).getText();
  } catch {
    text = null;
  }
  return { text, ms: [stop()] };
};

const engines: Record<string, Engine> = {
  app: appEngine,
  'app (QR only, before)': appBefore,
  'zxing-wasm-default': zxingWasmDefault,
  '@zxing/library': zxingJs,
};

// The expected text loses its trailing newline, except where the symbol itself ends in one:
// zxing-qrcode-3/18..25 encode "... \r\n", and the file holds exactly that. The app's text
// starts with its symbology identifier (`]Q1`), which the photo sets' .txt files do not hold.
function matches(text: string, expected: string | null): boolean {
  if (expected === null) return false;
  const content = /^\][A-Za-z]\d/.test(text)
    ? contentOf({ text, symbologyIdentifier: text.slice(0, 3) })
    : text;
  return content === expected || content === expected.replace(/\r?\n$/, '');
}

/**
 * zxing's default text mode shows GS1 data as "(01)...(10)..." without the identifier; compare
 * it with the expected data by the digits and letters alone, so the default engine is credited
 * with reading the symbol even though it would not hand on what a scanner transmits.
 */
function sameData(text: string, expected: string): boolean {
  const bare = (s: string) => s.replace(/^\][A-Za-z]\d/, '').replace(/[()\u001d]/g, '');
  return bare(text) === bare(expected);
}

type Tally = { decoded: number; total: number; falsePositives: number; misreads: number; times: Timing[] };
/** The tally of `key` in `into`, made on first use. */
function tallyOf(into: Record<string, Record<string, Tally>>, engine: string, key: string): Tally {
  into[engine] ??= {};
  into[engine][key] ??= { decoded: 0, total: 0, falsePositives: 0, misreads: 0, times: [] };
  return into[engine][key];
}
const sorted = (ts: Timing[], clock: keyof Timing) => ts.map((t) => t[clock]).sort((a, b) => a - b);
const median = (ts: Timing[], clock: keyof Timing = headline) => {
  const s = sorted(ts, clock);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : 0;
};
const p90 = (ts: Timing[], clock: keyof Timing = headline) => {
  const s = sorted(ts, clock);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * 0.9))]! : 0;
};
const headline: keyof Timing = cpuClock ? 'cpu' : 'wall';
const ms = (x: number) => x.toFixed(2).padStart(9);
/** "wall / CPU" medians of some timings. */
const both = (ts: Timing[]) => `${median(ts, 'wall').toFixed(2)} / ${median(ts, 'cpu').toFixed(2)}`;

async function photoSets() {
  const samples = listSamples(samplesDir);
  const sets = [...new Set(samples.map((s) => s.set))];
  /** engine key → set → tally, plus '*' for all sets. */
  const results: Record<string, Record<string, Tally>> = {};
  const readBy: Record<string, number> = {};
  for (const framed of [false, true]) {
    for (const sample of samples) {
      const img = await loadRgba(sample.file, framed);
      for (const [name, engine] of Object.entries(engines)) {
        const key = framed ? `${name} @1280x720` : name;
        const out = await engine(img);
        for (const t of [tallyOf(results, key, sample.set), tallyOf(results, key, '*')]) {
          t.times.push(...out.ms);
          if (sample.expected !== null) t.total++;
          if (out.text === null) continue;
          if (matches(out.text, sample.expected)) t.decoded++;
          else if (sample.expected === null) t.falsePositives++;
          else t.misreads++;
        }
        if (name === 'app' && framed && out.by && out.text !== null)
          readBy[out.by] = (readBy[out.by] ?? 0) + 1;
        if (verbose && (out.text === null ? sample.expected !== null : !matches(out.text, sample.expected)))
          console.log(
            `${out.text === null ? 'missed' : sample.expected === null ? 'false positive' : 'misread'}: ${key} ${sample.set}/${sample.name} ${JSON.stringify(out.text).slice(0, 80)}`,
          );
      }
    }
  }
  console.log(`\nQR photos and plates: ${samplesDir} (${samples.length} images)`);
  const cols = sets.map((s) =>
    s.replace('zxing-cpp-falsepositives', 'falsepos').replace('zxing-qrcode', 'qrcode'),
  );
  console.log(
    'engine'.padEnd(34),
    ...cols.map((c) => c.padStart(15)),
    'total'.padStart(9),
    'false+'.padStart(7),
    'misread'.padStart(8),
    'median ms wall / CPU'.padStart(21),
    `p90 ms ${headline}`.padStart(11),
  );
  const summary: Record<string, unknown> = {};
  for (const [key, bySet] of Object.entries(results)) {
    const all = bySet['*']!;
    const cells = sets.map((s) => {
      const t = bySet[s]!;
      return (t.total ? `${t.decoded}/${t.total}` : `${t.falsePositives} read`).padStart(15);
    });
    console.log(
      key.padEnd(34),
      ...cells,
      `${all.decoded}/${all.total}`.padStart(9),
      String(all.falsePositives).padStart(7),
      String(all.misreads).padStart(8),
      both(all.times).padStart(21),
      ms(p90(all.times)).padStart(11),
    );
    summary[key] = {
      decoded: all.decoded,
      total: all.total,
      falsePositives: all.falsePositives,
      misreads: all.misreads,
      medianMs: Number(median(all.times, 'wall').toFixed(2)),
      medianCpuMs: Number(median(all.times, 'cpu').toFixed(2)),
      p90Ms: Number(p90(all.times, 'wall').toFixed(2)),
      bySet: Object.fromEntries(
        sets.map((s) => [
          s,
          { decoded: bySet[s]!.decoded, total: bySet[s]!.total, falsePositives: bySet[s]!.falsePositives },
        ]),
      ),
    };
  }
  console.log('\napp, each kind of attempt (as-is and @1280x720):');
  for (const effort of STILL_EFFORTS) {
    const t = effortMs[effort] ?? [];
    console.log(
      `  ${effort.padEnd(12)} ${String(t.length).padStart(4)} attempts  median wall / CPU ${both(t).padStart(13)} ms  p90 ${ms(p90(t))} ms  max ${ms(Math.max(0, ...sorted(t, headline)))} ms  first read @1280x720: ${readBy[effort] ?? 0}`,
    );
  }
  return summary;
}

async function products() {
  const samples = await productSamples();
  const symbologies = [...new Set(samples.map((s) => s.symbology))];
  const productEngines: Record<string, Engine> = { app: appEngine, 'zxing-wasm-default': zxingWasmDefault };
  const results: Record<string, Record<string, Tally>> = {};
  for (const sample of samples) {
    for (const [name, engine] of Object.entries(productEngines)) {
      const t = tallyOf(results, name, sample.symbology);
      const all = tallyOf(results, name, '*');
      const out = await engine(sample.frame);
      const ok =
        out.text !== null &&
        (name === 'app' ? out.text === sample.expected : sameData(out.text, sample.expected));
      for (const x of [t, all]) {
        x.total++;
        x.times.push(...out.ms);
        if (ok) x.decoded++;
        else if (out.text !== null) x.misreads++;
      }
      if (verbose && !ok)
        console.log(
          `${out.text === null ? 'missed' : 'misread'}: ${name} ${sample.name} ${JSON.stringify(out.text)} expected ${JSON.stringify(sample.expected)}`,
        );
    }
  }
  console.log('\nProducts (bwip-js, 1280x720 frames; the app must keep identifier and GS separators):');
  console.log(
    'symbology'.padEnd(24),
    ...Object.keys(productEngines).flatMap((e) => [e.padStart(20), 'median ms wall / CPU'.padStart(21)]),
  );
  for (const sym of [...symbologies, '*']) {
    console.log(
      (sym === '*' ? 'all' : sym).padEnd(24),
      ...Object.keys(productEngines).flatMap((e) => {
        const t = results[e]![sym]!;
        return [
          `${t.decoded}/${t.total}${t.misreads ? ` (${t.misreads} wrong)` : ''}`.padStart(20),
          both(t.times).padStart(21),
        ];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(results).map(([e, bySym]) => [
      e,
      Object.fromEntries(
        Object.entries(bySym).map(([s, t]) => [
          s,
          {
            decoded: t.decoded,
            total: t.total,
            misreads: t.misreads,
            medianMs: Number(median(t.times, 'wall').toFixed(2)),
            medianCpuMs: Number(median(t.times, 'cpu').toFixed(2)),
          },
        ]),
      ),
    ]),
  );
}

async function main() {
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  console.log(`load average at start: ${load()}; p90 and max are ${cpuClock ? 'CPU' : 'wall-clock'} ms`);
  const photos = await photoSets();
  const product = args.includes('--no-products') ? {} : await products();
  console.log(`\nload average at end: ${load()}`);
  if (asJson) console.log(JSON.stringify({ photos, products: product }));
}

await main();
