import type { BarcodeKind, ProductLicence, ProductRecord } from '../../api/index.ts';
import { gs1CheckDigit } from '../../gs1/index.ts';
import { createRng, type Rng } from './prng.ts';
import {
  COUNTRIES,
  IMPORTER_NAMES,
  PRICE_AUTHORITIES,
  PRODUCER_FORMS,
  PRODUCT_GUILDS,
  type ProductKind,
} from './product-tables.ts';
import { GUILDS } from './tables.ts';

// The demo product registry, generated from a fixed seed like the location registry: the same
// GTINs, names and prices on every machine, so docs, tests and printed barcodes agree.

export const PRODUCT_SEED = 1404;
const BASE = Date.parse('2025-11-01T00:00:00Z');
const VARIANTS = ['', 'ممتاز', 'ویژه', 'خانواده', 'اقتصادی', 'طلایی', 'کلاسیک', 'ارگانیک', 'پلاس', 'سنتی'];
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const fa = (s: string) => s.replace(/\d/g, (d) => PERSIAN[Number(d)]!);

const withCheck = (data: string) => data + gs1CheckDigit(data);

/** GTINs: Iranian companies under GS1 Iran's prefix 626; US-style UPC-A for some imports. */
function gtinAllocator() {
  let company = 1000;
  let ean8 = 1;
  let upcCompany = 10000;
  const items = new Map<string, number>();
  return {
    /** A GS1 company prefix (626 + 4 digits) for a brand; 99,999 items each. */
    company: () => `626${String(company++).padStart(4, '0')}`,
    upcCompany: () => `0${String(upcCompany++).padStart(5, '0')}`,
    next(kind: BarcodeKind, prefix: string, upcPrefix: string): string {
      if (kind === 'ean8') return withCheck(`626${String(ean8++).padStart(4, '0')}`).padStart(14, '0');
      const base = kind === 'upca' ? upcPrefix : prefix;
      const n = (items.get(base) ?? 0) + 1;
      items.set(base, n);
      const width = kind === 'upca' ? 11 - base.length : 12 - base.length;
      return withCheck(base + String(n).padStart(width, '0')).padStart(14, '0');
    },
  };
}

const roundPrice = (rials: number) => {
  const step = rials >= 10_000_000 ? 100_000 : rials >= 1_000_000 ? 10_000 : 5_000;
  return Math.round(rials / step) * step;
};

function licences(rng: Rng, kind: ProductKind): ProductLicence[] {
  return kind.licences.map((k): ProductLicence => {
    if (k === 'health') return { kind: k, number: fa(`${rng.int(10, 99)}/${rng.digits(5)}`) };
    if (k === 'irc') return { kind: k, number: `${rng.int(1, 9)}${rng.digits(15)}` };
    return { kind: k, number: kind.standard ?? fa(String(rng.int(100, 20000))) };
  });
}

export function generateProducts(seed = PRODUCT_SEED): ProductRecord[] {
  const rng = createRng(seed);
  const alloc = gtinAllocator();
  const out: ProductRecord[] = [];
  for (const g of PRODUCT_GUILDS) {
    const guild = GUILDS.find((x) => x.code === g.guildCode)!;
    const companies = new Map(g.brands.map((b) => [b, { prefix: alloc.company(), upc: alloc.upcCompany() }]));
    const seen = new Set<string>();
    let made = 0;
    for (let attempt = 0; made < g.count && attempt < g.count * 20; attempt++) {
      const kind = rng.pick(g.kinds);
      const brand = rng.pick(g.brands);
      const sizeIndex = rng.int(0, kind.sizes.length - 1);
      const variant = made < g.kinds.length ? '' : rng.pick(VARIANTS);
      const key = `${kind.name}|${brand}|${sizeIndex}|${variant}`;
      if (seen.has(key)) continue;
      seen.add(key);
      made++;
      const imported = rng.chance(kind.imported ?? 0);
      const barcode = kind.barcode ?? 'ean13';
      // A UPC-A needs a US-style company; an Iranian maker's product keeps GS1 Iran's prefix.
      const symbol: BarcodeKind = barcode === 'upca' && !imported ? 'ean13' : barcode;
      const company = companies.get(brand)!;
      const gtin = alloc.next(symbol, company.prefix, company.upc);
      const price = roundPrice(rng.int(kind.price[0], kind.price[1]) * (1 + sizeIndex * 0.8));
      // Imported electronics often carry no Persian price sticker; everything made here does.
      const printed = imported && rng.chance(0.4) ? null : price;
      const approvedAt = new Date(BASE - rng.int(5, 240) * 86_400_000).toISOString().slice(0, 10);
      const approvedPrice = kind.approved
        ? {
            // An approved price newer than the pack's printed one is often lower than it.
            rials: roundPrice(price * (rng.chance(0.3) ? 0.9 : 1)),
            approvedAt,
            authority: symbol === 'gs1datamatrix' ? PRICE_AUTHORITIES.health : PRICE_AUTHORITIES.general,
          }
        : null;
      out.push({
        gtin,
        barcode: symbol,
        name: [kind.name, variant, brand].filter(Boolean).join(' '),
        brand,
        size: kind.sizes[sizeIndex]!,
        guild: { code: guild.code, name: guild.name },
        party: imported
          ? { role: 'importer', name: rng.pick(IMPORTER_NAMES), countryOfOrigin: rng.pick(COUNTRIES) }
          : { role: 'producer', name: rng.pick(PRODUCER_FORMS).replace('{b}', brand) },
        printedPrice: printed,
        approvedPrice,
        licences: licences(rng, kind),
        updatedAt: new Date(BASE - rng.int(1, 60) * 86_400_000).toISOString(),
      });
    }
  }
  return out;
}

/** One product of each symbol, for `npm start`'s list and /demo/products. */
export function pickDemoProducts(products: readonly ProductRecord[]): ProductRecord[] {
  const kinds: BarcodeKind[] = ['ean13', 'ean8', 'upca', 'gs1datamatrix', 'gs1-128', 'databar'];
  const picked = kinds.map(
    (k) =>
      // The EAN-13 example has a printed price and a lower approved one: the fullest page.
      products.find(
        (p) =>
          p.barcode === k &&
          (k !== 'ean13' || (p.printedPrice && p.approvedPrice && p.approvedPrice.rials < p.printedPrice)),
      ) ?? products.find((p) => p.barcode === k)!,
  );
  return picked.filter(Boolean);
}
