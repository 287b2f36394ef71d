// Parses per second of `classify` over a realistic mix of what shoppers point the camera at.
// Prints figures only; run with `npm run bench:gs1`.
import { buildDigitalLink, classify, formatElementString, gs1CheckDigit } from '../../src/gs1/index.ts';

const GS = '\u001d';
const gln = (n: number): string => {
  const data = `626${String(n).padStart(9, '0')}`;
  return `${data}${gs1CheckDigit(data)}`;
};

const MIX: Record<string, (i: number) => string> = {
  'DL plate': (i) => `https://qr.example.ir/414/${gln(i)}`,
  'DL plate + extension + query': (i) =>
    `${buildDigitalLink(
      {
        primaryKey: { ai: '414', value: gln(i) },
        qualifiers: [{ ai: '254', value: `F${i % 9}-U${i % 40}` }],
        attributes: [{ ai: '91', value: 'P1' }],
      },
      'https://plates.example.com/ir',
    )}&linkType=gs1:locationInfo`,
  'raw ]Q3 with FNC1': (i) => `]Q3414${gln(i)}254A${i % 100}${GS}91P1`,
  'raw without identifier': (i) => `414${gln(i)}`,
  bracketed: (i) =>
    formatElementString([
      { ai: '414', value: gln(i) },
      { ai: '254', value: `B${i % 50}` },
    ]),
  'GTIN (EAN-13 and DL)': (i) => {
    const data = `626${String(i).padStart(9, '0')}`;
    const gtin = `${data}${gs1CheckDigit(data)}`;
    return i % 2 ? gtin : `https://id.gs1.org/01/0${gtin}/10/L${i % 7}?17=261231`;
  },
  licence: (i) => `https://mojavez.ir/license/1402${String(i).padStart(6, '0')}`,
  'Iran-e Man': (i) => `https://asnaf.moi.ir/qr/${i}`,
  'phishing / unsafe URL': (i) =>
    [
      `https://qr.example.ir@evil.example/414/${gln(i)}`,
      'javascript:alert(document.cookie)',
      `https://mojavez.ir.evil.example/license/${i}`,
      'data:text/html;base64,PHNjcmlwdD4=',
    ][i % 4] ?? '',
  'plain URL': (i) => `https://www.example.com/menu?item=${i}`,
  text: (i) => ['سلام، خوش آمدید', 'WIFI:T:WPA;S:shop;P:1234;;', `Note ${i}`][i % 3] ?? '',
  invalid: (i) =>
    [
      `https://qr.example.ir/414/${gln(i).slice(0, 12)}${(Number(gln(i).at(-1)) + 1) % 10}`,
      `https://qr.example.ir/414/${gln(i)}/7040/1ABC/254/X`,
      `HtTp://qr.example.ir/414/${gln(i)}`,
      'https://id.gs1.org/AQnYUc1gmg',
    ][i % 4] ?? '',
};

// How often each kind is scanned in the field, roughly: plates dominate.
const WEIGHTS: Record<string, number> = {
  'DL plate': 30,
  'DL plate + extension + query': 10,
  'raw ]Q3 with FNC1': 5,
  'raw without identifier': 2,
  bracketed: 2,
  'GTIN (EAN-13 and DL)': 15,
  licence: 8,
  'Iran-e Man': 5,
  'phishing / unsafe URL': 5,
  'plain URL': 8,
  text: 5,
  invalid: 5,
};

function measure(inputs: string[], ms = 500): number {
  let count = 0;
  for (let i = 0; i < 2000; i++) classify(inputs[i % inputs.length] ?? ''); // warm-up
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 1000; i++) classify(inputs[count++ % inputs.length] ?? '');
    now = performance.now();
  }
  return (count / (now - start)) * 1000;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(12);
console.log(`classify, parses per second (Node ${process.version})`);
const mixed: string[] = [];
for (const [name, make] of Object.entries(MIX)) {
  const inputs = Array.from({ length: 500 }, (_, i) => make(i));
  for (let i = 0; i < (WEIGHTS[name] ?? 1) * 20; i++) mixed.push(inputs[i % inputs.length] ?? '');
  console.log(`${name.padEnd(30)}${fmt(measure(inputs))}`);
}
for (let i = mixed.length - 1; i > 0; i--) {
  const j = (i * 7919) % (i + 1);
  [mixed[i], mixed[j]] = [mixed[j] ?? '', mixed[i] ?? ''];
}
console.log(`${'weighted mix'.padEnd(30)}${fmt(measure(mixed, 1500))}`);
