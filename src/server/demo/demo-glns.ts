import type { SeedData } from '../seed/types.ts';

// The handful of locations worth showing: the first one, one per status, one per other city.

export type DemoGln = { gln: string; name: string; city: string; note: string };

export function pickDemoGlns(data: SeedData): DemoGln[] {
  const locs = data.locations;
  const out: DemoGln[] = [];
  const add = (l: (typeof locs)[number] | undefined, note: string) => {
    if (l && !out.some((o) => o.gln === l.gln)) out.push({ gln: l.gln, name: l.name, city: l.city, note });
  };
  add(locs[0], 'فعال، سطح احراز ۴، با شعبه و انبار و دو ورودی');
  add(
    locs.find((l) => l.status === 'sealed'),
    'پلمب‌شده',
  );
  add(
    locs.find((l) => l.status === 'moved'),
    'جابه‌جا شده (replacedBy)',
  );
  add(
    locs.find((l) => l.status === 'closed'),
    'تعطیل‌شده',
  );
  const cities = [...new Set(locs.map((l) => l.city))].slice(1);
  for (const city of cities)
    add(
      locs.find((l) => l.city === city && l.status === 'active' && l.role === 'main'),
      `فعال در ${city}`,
    );
  return out;
}
