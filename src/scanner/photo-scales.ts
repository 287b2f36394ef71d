// Sizes at which a still photo is decoded, best first. Measured reason: zxing finds a plate
// fastest when it spans a few hundred pixels; a 4000x3000 photo at full size wastes seconds, and
// a small code in a wide shot needs the finer scale.

const LONG_SIDES = [1280, 2048, 800];

export function photoScales(width: number, height: number): { width: number; height: number }[] {
  const long = Math.max(width, height);
  const out: { width: number; height: number }[] = [];
  const seen = new Set<number>();
  for (const target of [...LONG_SIDES, long]) {
    const side = Math.min(target, long);
    if (seen.has(side)) continue;
    seen.add(side);
    const k = side / long;
    out.push({ width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) });
  }
  return out;
}
