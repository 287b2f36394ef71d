import type { Service, ServiceAttribute, ServiceDefinition } from '../../api/index.ts';
import { ATTRIBUTES, type AttributeCode } from './attributes.ts';

// Complaint categories from the Guild System Law (قانون نظام صنفی). `legal_basis` is given only
// where the article is certain; a category without one still stands on the law's general duties.

type Category = {
  code: string;
  name: string;
  group: string;
  description: string;
  article?: string;
  keywords: string;
  needsLocation?: boolean;
  /** Missing-plate enforcement stages apply (warning, POS block, seal). */
  enforcement?: boolean;
  required: AttributeCode[];
  optional: AttributeCode[];
  /** Extra attribute (the guild list) supplied at runtime for missing-plate reports. */
  askGuild?: boolean;
};

const G_PRICE = 'قیمت و وزن';
const G_TRADE = 'رفتار تجاری';
const G_GOODS = 'کالای غیرمجاز';
const G_ID = 'شناسه و پلاک';

export const CATEGORIES: Category[] = [
  {
    code: 'overpricing',
    name: 'گران‌فروشی',
    group: G_PRICE,
    article: 'ماده ۵۷',
    keywords: 'گران,قیمت',
    description: 'فروش کالا یا خدمت به بهایی بیش از نرخ مصوب یا درج‌شده.',
    required: ['price_paid'],
    optional: ['product', 'labelled_price', 'invoice_number', 'purchase_time', 'pos_terminal_name'],
  },
  {
    code: 'short_weight',
    name: 'کم‌فروشی',
    group: G_PRICE,
    article: 'ماده ۵۸',
    keywords: 'وزن,کم',
    description: 'تحویل کالا کمتر از وزن، تعداد یا حجم اعلام‌شده.',
    required: ['weight_claimed', 'weight_measured'],
    optional: ['product', 'price_paid', 'invoice_number', 'purchase_time'],
  },
  {
    code: 'fraud',
    name: 'تقلب و غش در معامله',
    group: G_GOODS,
    article: 'ماده ۵۹',
    keywords: 'تقلب,تقلبی,غش',
    description: 'فروش کالای تقلبی، مخلوط یا متفاوت با آنچه عرضه شده بود.',
    required: ['details'],
    optional: ['product', 'price_paid', 'invoice_number', 'purchase_time'],
  },
  {
    code: 'hoarding',
    name: 'احتکار',
    group: G_GOODS,
    keywords: 'احتکار,انبار',
    description: 'نگه‌داشتن کالا و خودداری از عرضه به قصد گران‌فروشی.',
    required: ['details'],
    optional: ['product'],
  },
  {
    code: 'outside_network',
    name: 'عرضهٔ خارج از شبکه',
    group: G_TRADE,
    keywords: 'شبکه,توزیع',
    description: 'عرضهٔ کالای سهمیه‌ای یا توزیعی خارج از شبکهٔ تعیین‌شده.',
    required: ['details'],
    optional: ['product', 'price_paid'],
  },
  {
    code: 'smuggled_goods',
    name: 'عرضهٔ کالای قاچاق',
    group: G_GOODS,
    article: 'ماده ۶۲',
    keywords: 'قاچاق',
    description: 'عرضهٔ کالایی که از مبادی رسمی وارد نشده است.',
    required: ['product'],
    optional: ['details', 'price_paid'],
  },
  {
    code: 'forced_sale',
    name: 'فروش اجباری',
    group: G_TRADE,
    article: 'ماده ۶۴',
    keywords: 'اجبار,همراه',
    description: 'مشروط‌کردن فروش به خرید کالا یا خدمت دیگر.',
    required: ['forced_item'],
    optional: ['product', 'price_paid', 'invoice_number'],
  },
  {
    code: 'no_price_label',
    name: 'عدم درج قیمت',
    group: G_PRICE,
    article: 'ماده ۶۵',
    keywords: 'برچسب,قیمت',
    description: 'کالا یا خدمت بدون برچسب قیمت یا نرخ‌نامه عرضه شده است.',
    required: [],
    optional: ['product', 'details'],
  },
  {
    code: 'no_invoice',
    name: 'عدم صدور صورتحساب',
    group: G_TRADE,
    article: 'ماده ۶۶',
    keywords: 'فاکتور,رسید',
    description: 'خودداری از دادن فاکتور یا رسید خرید.',
    required: [],
    optional: ['product', 'price_paid', 'purchase_time'],
  },
  {
    code: 'refusal_to_sell',
    name: 'امتناع از فروش',
    group: G_TRADE,
    keywords: 'امتناع,نفروخت',
    description: 'خودداری از فروش کالای موجود یا ارائهٔ خدمت.',
    required: [],
    optional: ['product', 'details'],
  },
  {
    code: 'pos_name_mismatch',
    name: 'نام کارتخوان با فروشگاه مطابقت ندارد',
    group: G_ID,
    keywords: 'کارتخوان,پوز',
    description: 'نام چاپ‌شده روی رسید کارتخوان، نام این فروشگاه نیست.',
    required: ['pos_terminal_name'],
    optional: ['price_paid', 'purchase_time'],
  },
  {
    code: 'no_plate',
    name: 'نداشتن پلاک شناسهٔ مکان',
    group: G_ID,
    keywords: 'پلاک,شناسه,کیوآر',
    description: 'واحد صنفی پلاک شناسهٔ مکان (کد QR) را نصب نکرده است.',
    needsLocation: true,
    enforcement: true,
    askGuild: true,
    required: [],
    optional: ['shop_sign', 'details'],
  },
  {
    code: 'plate_mismatch',
    name: 'پلاک با فروشگاه مطابقت ندارد',
    group: G_ID,
    keywords: 'پلاک,مغایرت',
    description: 'پلاک نصب‌شده به مکان یا فروشگاه دیگری تعلق دارد.',
    required: [],
    optional: ['plate_gln', 'shop_sign', 'details'],
  },
];

export const CATEGORY_BY_CODE = new Map(CATEGORIES.map((c) => [c.code, c]));

export function toService(c: Category): Service {
  return {
    service_code: c.code,
    service_name: c.name,
    description: c.article ? `${c.description} (قانون نظام صنفی، ${c.article})` : c.description,
    metadata: true,
    type: 'realtime',
    keywords: c.keywords,
    group: c.group,
    ...(c.article ? { legal_basis: `قانون نظام صنفی، ${c.article}` } : {}),
    needs_location: c.needsLocation ?? false,
  };
}

export function toDefinition(c: Category, guilds: { code: string; name: string }[]): ServiceDefinition {
  const attrs: ServiceAttribute[] = [];
  const push = (code: AttributeCode, required: boolean) =>
    attrs.push({ ...ATTRIBUTES[code], variable: true, required, order: attrs.length + 1 });
  for (const code of c.required) push(code, true);
  for (const code of c.optional) push(code, false);
  if (c.askGuild) {
    attrs.push({
      variable: true,
      code: 'guild_code',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: 'یکی از صنف‌ها',
      order: attrs.length + 1,
      description: 'صنف این مغازه (اگر نمی‌دانید خالی بگذارید تا بازرسان اتاق اصناف رسیدگی کنند)',
      values: guilds.map((g) => ({ key: g.code, name: g.name })),
    });
  }
  return { service_code: c.code, attributes: attrs };
}
