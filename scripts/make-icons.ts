// Renders the app icons from one SVG so every size stays in step. Run: npx tsx scripts/make-icons.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';

const out = 'public/icons';

function glyph(scale: number, offset: number): string {
  // A shop awning over a stylised QR finder pattern.
  const s = (n: number) => (offset + n * scale).toFixed(1);
  return `
  <path d="M${s(14)} ${s(22)} L${s(50)} ${s(22)} L${s(54)} ${s(30)} L${s(10)} ${s(30)} Z" fill="#ffffff"/>
  <rect x="${s(16)}" y="${s(34)}" width="${(14 * scale).toFixed(1)}" height="${(14 * scale).toFixed(1)}" rx="${2 * scale}" fill="none" stroke="#ffffff" stroke-width="${3 * scale}"/>
  <rect x="${s(21)}" y="${s(39)}" width="${(4 * scale).toFixed(1)}" height="${(4 * scale).toFixed(1)}" fill="#ffffff"/>
  <rect x="${s(34)}" y="${s(34)}" width="${(5 * scale).toFixed(1)}" height="${(5 * scale).toFixed(1)}" fill="#ffffff"/>
  <rect x="${s(42)}" y="${s(38)}" width="${(5 * scale).toFixed(1)}" height="${(5 * scale).toFixed(1)}" fill="#ffffff"/>
  <rect x="${s(35)}" y="${s(43)}" width="${(5 * scale).toFixed(1)}" height="${(5 * scale).toFixed(1)}" fill="#ffffff"/>`;
}

const anyIcon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#0b6e4f"/>${glyph(1, 0)}</svg>`;
// Maskable: full-bleed background, glyph inside the 80 % safe zone.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#0b6e4f"/>${glyph(0.7, 9.6)}</svg>`;

mkdirSync(out, { recursive: true });
writeFileSync(`${out}/favicon.svg`, anyIcon);
const sizes: [string, string, number][] = [
  ['icon-192.png', anyIcon, 192],
  ['icon-512.png', anyIcon, 512],
  ['maskable-512.png', maskable, 512],
  ['apple-touch-icon.png', maskable, 180],
];
for (const [name, svg, size] of sizes) {
  await sharp(Buffer.from(svg), { density: (72 * size) / 64 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(`${out}/${name}`);
}
console.log('icons written to', out);
