import type { BarcodeKind, ProductLicence } from '../../api/index.ts';

// Seed vocabulary for the demo product registry: what each guild sells, invented Iranian-style
// brands, and price ranges in rials (late 1404 levels). Data, not logic; it may run long. Every
// brand and company name here is made up.

export type ProductKind = {
  name: string;
  sizes: string[];
  /** Consumer price range in rials for the first size; later sizes scale up. */
  price: [number, number];
  /** The symbol on the pack; EAN-13 when not said. */
  barcode?: BarcodeKind;
  licences: ProductLicence['kind'][];
  /** Standard number for the national standard mark, when `licences` has `standard`. */
  standard?: string;
  /** Whether a price is approved for it (staples, medicines). */
  approved?: boolean;
  /** Share of such products that are imported. */
  imported?: number;
};

export type GuildProducts = {
  guildCode: string;
  /** Products to make for this guild. */
  count: number;
  brands: string[];
  kinds: ProductKind[];
};

export const FOOD: ProductLicence['kind'][] = ['health', 'irc'];
const FOOD_STD: ProductLicence['kind'][] = ['health', 'irc', 'standard'];
const STD: ProductLicence['kind'][] = ['standard'];

export const PRODUCT_GUILDS: GuildProducts[] = [
  {
    guildCode: '4711',
    count: 700,
    brands: [
      'دشت‌نوش',
      'طلای البرز',
      'سپیدان',
      'مهرگان',
      'گلبرگ پارس',
      'آوای کوهسار',
      'نیکان',
      'سحرخیز',
      'پاک‌دیس',
      'کوهپایه',
    ],
    kinds: [
      {
        name: 'شیر پرچرب',
        sizes: ['۱ لیتر', '۲۰۰ میلی‌لیتر', '۲ لیتر'],
        price: [340_000, 420_000],
        licences: FOOD_STD,
        standard: '۱۶۴',
        approved: true,
      },
      {
        name: 'ماست کم‌چرب',
        sizes: ['۹۰۰ گرم', '۲ کیلوگرم'],
        price: [520_000, 690_000],
        licences: FOOD_STD,
        standard: '۶۹۵',
        approved: true,
      },
      {
        name: 'پنیر سفید ایرانی',
        sizes: ['۴۰۰ گرم', '۱ کیلوگرم'],
        price: [780_000, 1_150_000],
        licences: FOOD_STD,
        standard: '۲۳۴۴',
        approved: true,
      },
      { name: 'کره حیوانی', sizes: ['۱۰۰ گرم', '۵۰ گرم'], price: [420_000, 560_000], licences: FOOD },
      {
        name: 'روغن مایع آفتابگردان',
        sizes: ['۸۱۰ گرم', '۱.۸ کیلوگرم'],
        price: [1_050_000, 1_390_000],
        licences: FOOD_STD,
        standard: '۱۰۵۷',
        approved: true,
      },
      {
        name: 'برنج ایرانی طارم',
        sizes: ['۱ کیلوگرم', '۵ کیلوگرم', '۱۰ کیلوگرم'],
        price: [1_900_000, 2_800_000],
        licences: FOOD,
        imported: 0.1,
      },
      {
        name: 'چای سیاه معطر',
        sizes: ['۴۵۰ گرم', '۱۰۰ گرم'],
        price: [1_600_000, 2_400_000],
        licences: FOOD,
        imported: 0.3,
      },
      {
        name: 'ماکارونی فرمی',
        sizes: ['۵۰۰ گرم', '۷۰۰ گرم'],
        price: [260_000, 340_000],
        licences: FOOD_STD,
        standard: '۲۱۳',
      },
      {
        name: 'رب گوجه‌فرنگی',
        sizes: ['۸۰۰ گرم', '۴۰۰ گرم'],
        price: [610_000, 790_000],
        licences: FOOD_STD,
        standard: '۷۶۱',
      },
      { name: 'شکر سفید', sizes: ['۹۰۰ گرم'], price: [380_000, 460_000], licences: FOOD, approved: true },
      {
        name: 'کنسرو تن ماهی',
        sizes: ['۱۸۰ گرم'],
        price: [720_000, 980_000],
        licences: FOOD_STD,
        standard: '۴۰۹',
      },
      { name: 'بیسکویت ساقه‌طلایی', sizes: ['۸۰۰ گرم', '۲۰۰ گرم'], price: [210_000, 380_000], licences: FOOD },
      { name: 'آدامس نعنایی', sizes: ['۱۰ عدد'], price: [60_000, 90_000], barcode: 'ean8', licences: FOOD },
      {
        name: 'نمک یددار تصفیه‌شده',
        sizes: ['۱ کیلوگرم'],
        price: [90_000, 130_000],
        barcode: 'ean8',
        licences: FOOD_STD,
        standard: '۲۶',
      },
      {
        name: 'تخم‌مرغ بسته‌بندی',
        sizes: ['۶ عدد', '۳۰ عدد'],
        price: [420_000, 520_000],
        barcode: 'gs1-128',
        licences: FOOD,
        approved: true,
      },
    ],
  },
  {
    guildCode: '4721',
    count: 200,
    brands: ['باغ سبز', 'میوه‌دشت', 'گلستان', 'برداشت تازه', 'کشت‌وزرع آفتاب'],
    kinds: [
      {
        name: 'خرمای مضافتی بسته‌بندی',
        sizes: ['۶۰۰ گرم', '۱ کیلوگرم'],
        price: [620_000, 900_000],
        barcode: 'databar',
        licences: FOOD,
      },
      {
        name: 'پستهٔ اکبری شور',
        sizes: ['۴۵۰ گرم'],
        price: [5_400_000, 7_200_000],
        barcode: 'databar',
        licences: FOOD,
      },
      {
        name: 'کشمش سبز',
        sizes: ['۵۰۰ گرم'],
        price: [980_000, 1_250_000],
        barcode: 'databar',
        licences: FOOD,
      },
      {
        name: 'سیب زرد دماوند بسته‌بندی',
        sizes: ['۱ کیلوگرم'],
        price: [380_000, 520_000],
        barcode: 'databar',
        licences: [],
      },
      {
        name: 'گوجه‌فرنگی گلخانه‌ای بسته‌بندی',
        sizes: ['۱ کیلوگرم'],
        price: [300_000, 420_000],
        barcode: 'databar',
        licences: [],
      },
    ],
  },
  {
    guildCode: '4722',
    count: 220,
    brands: ['چشمه‌سار', 'زلال کوه', 'نوشین', 'آبشار دنا', 'پرتقال طلایی'],
    kinds: [
      {
        name: 'آب معدنی',
        sizes: ['۱.۵ لیتر', '۵۰۰ میلی‌لیتر'],
        price: [90_000, 140_000],
        licences: FOOD_STD,
        standard: '۶۶۹۴',
        approved: true,
      },
      {
        name: 'دوغ گازدار',
        sizes: ['۱.۵ لیتر', '۳۰۰ میلی‌لیتر'],
        price: [230_000, 320_000],
        licences: FOOD_STD,
        standard: '۲۴۵۳',
      },
      { name: 'آبمیوهٔ پرتقال', sizes: ['۱ لیتر', '۲۰۰ میلی‌لیتر'], price: [420_000, 610_000], licences: FOOD },
      {
        name: 'نوشابهٔ گازدار',
        sizes: ['۱.۵ لیتر', '۳۰۰ میلی‌لیتر'],
        price: [210_000, 290_000],
        licences: FOOD_STD,
        standard: '۱۲۵۰',
      },
      {
        name: 'ماءالشعیر لیمویی',
        sizes: ['۲۶۰ میلی‌لیتر'],
        price: [160_000, 230_000],
        licences: FOOD,
        imported: 0.2,
      },
    ],
  },
  {
    guildCode: '1071',
    count: 120,
    brands: ['نان‌آوران', 'گندم طلایی', 'سنگک سنتی', 'کیک و کلوچهٔ یزد'],
    kinds: [
      {
        name: 'نان تست سبوس‌دار',
        sizes: ['۵۰۰ گرم'],
        price: [280_000, 360_000],
        licences: FOOD,
        approved: true,
      },
      { name: 'نان باگت', sizes: ['۴ عدد'], price: [220_000, 300_000], licences: FOOD },
      { name: 'کیک یزدی', sizes: ['۸ عدد'], price: [350_000, 480_000], licences: FOOD },
      { name: 'کلوچهٔ سنتی', sizes: ['۱۰ عدد'], price: [300_000, 420_000], barcode: 'ean8', licences: FOOD },
    ],
  },
  {
    guildCode: '4772',
    count: 420,
    brands: ['رویال‌مهر', 'پاک‌ناز', 'گل‌افشان', 'داروسازی سینا‌فارم', 'بهداشت نوین', 'آوا‌درم'],
    kinds: [
      {
        name: 'شامپو روزانه',
        sizes: ['۴۰۰ میلی‌لیتر', '۲۰۰ میلی‌لیتر'],
        price: [640_000, 980_000],
        licences: ['health', 'irc'],
        imported: 0.3,
      },
      {
        name: 'کرم مرطوب‌کننده',
        sizes: ['۷۵ میلی‌لیتر'],
        price: [850_000, 1_600_000],
        licences: ['health', 'irc'],
        imported: 0.4,
      },
      {
        name: 'خمیردندان ضدپوسیدگی',
        sizes: ['۱۰۰ گرم'],
        price: [390_000, 620_000],
        licences: ['health', 'irc'],
        imported: 0.3,
      },
      {
        name: 'صابون گلیسیرینه',
        sizes: ['۱۰۰ گرم'],
        price: [120_000, 190_000],
        barcode: 'ean8',
        licences: ['health', 'irc'],
      },
      {
        name: 'ژل ضدعفونی دست',
        sizes: ['۵۰۰ میلی‌لیتر'],
        price: [310_000, 450_000],
        licences: ['health', 'irc'],
      },
      {
        name: 'قرص مولتی‌ویتامین',
        sizes: ['۳۰ عدد', '۶۰ عدد'],
        price: [950_000, 1_800_000],
        barcode: 'gs1datamatrix',
        licences: ['health', 'irc'],
        approved: true,
        imported: 0.3,
      },
      {
        name: 'شربت سرماخوردگی کودکان',
        sizes: ['۶۰ میلی‌لیتر'],
        price: [280_000, 420_000],
        barcode: 'gs1datamatrix',
        licences: ['health', 'irc'],
        approved: true,
      },
      {
        name: 'پماد موضعی',
        sizes: ['۳۰ گرم'],
        price: [190_000, 320_000],
        barcode: 'gs1datamatrix',
        licences: ['health', 'irc'],
        approved: true,
      },
    ],
  },
  {
    guildCode: '4741',
    count: 200,
    brands: ['نوواتک', 'آسیاپرداز', 'رایان‌گستر', 'کی‌لینک', 'مگا‌بیت'],
    kinds: [
      {
        name: 'ماوس بی‌سیم',
        sizes: ['۱ عدد'],
        price: [3_200_000, 7_800_000],
        licences: STD,
        standard: '۱۵۶۲',
        imported: 0.9,
        barcode: 'upca',
      },
      {
        name: 'صفحه‌کلید فارسی',
        sizes: ['۱ عدد'],
        price: [4_500_000, 9_900_000],
        licences: STD,
        standard: '۱۵۶۲',
        imported: 0.8,
      },
      {
        name: 'فلش مموری ۶۴ گیگابایت',
        sizes: ['۱ عدد'],
        price: [4_900_000, 7_400_000],
        licences: [],
        imported: 1,
        barcode: 'upca',
      },
      {
        name: 'هارد اکسترنال ۱ ترابایت',
        sizes: ['۱ عدد'],
        price: [38_000_000, 52_000_000],
        licences: [],
        imported: 1,
      },
      {
        name: 'کابل HDMI',
        sizes: ['۱.۵ متر', '۳ متر'],
        price: [1_200_000, 2_100_000],
        licences: [],
        imported: 1,
      },
    ],
  },
  {
    guildCode: '4742',
    count: 220,
    brands: ['فون‌پلاس', 'شارژیتو', 'هدفون‌سازان', 'پاورلند', 'گارد‌تک'],
    kinds: [
      {
        name: 'شارژر دیواری سریع',
        sizes: ['۲۰ وات', '۶۵ وات'],
        price: [3_800_000, 9_500_000],
        licences: STD,
        standard: '۱۵۶۲-۲-۱۴',
        imported: 0.9,
      },
      {
        name: 'کابل USB-C',
        sizes: ['۱ متر', '۲ متر'],
        price: [950_000, 2_300_000],
        licences: [],
        imported: 0.9,
        barcode: 'upca',
      },
      {
        name: 'هندزفری بلوتوثی',
        sizes: ['۱ عدد'],
        price: [6_500_000, 18_000_000],
        licences: [],
        imported: 1,
      },
      {
        name: 'پاوربانک ۱۰۰۰۰ میلی‌آمپر',
        sizes: ['۱ عدد'],
        price: [9_800_000, 16_500_000],
        licences: STD,
        standard: '۲۰۵۷۵',
        imported: 1,
      },
      {
        name: 'محافظ صفحهٔ شیشه‌ای',
        sizes: ['۱ عدد'],
        price: [450_000, 1_200_000],
        barcode: 'ean8',
        licences: [],
        imported: 0.7,
      },
    ],
  },
  {
    guildCode: '4752',
    count: 200,
    brands: ['ابزار پارس', 'آهنگر', 'رنگین‌کمان', 'نور‌افشان', 'محکم‌کار'],
    kinds: [
      {
        name: 'دریل چکشی',
        sizes: ['۷۵۰ وات', '۱۰۰۰ وات'],
        price: [32_000_000, 58_000_000],
        licences: STD,
        standard: '۶۷۲۳',
        imported: 0.6,
      },
      { name: 'پیچ‌گوشتی دوسو', sizes: ['۱ عدد'], price: [380_000, 720_000], barcode: 'ean8', licences: [] },
      {
        name: 'چسب همه‌کاره',
        sizes: ['۵۰ گرم'],
        price: [150_000, 260_000],
        barcode: 'ean8',
        licences: STD,
        standard: '۱۴۲۰',
      },
      {
        name: 'رنگ پلاستیک ساختمانی',
        sizes: ['۴ لیتر', '۱ گالن'],
        price: [7_800_000, 14_500_000],
        licences: STD,
        standard: '۵۸۳۴',
      },
      {
        name: 'لامپ LED',
        sizes: ['۱۲ وات', '۲۰ وات'],
        price: [480_000, 890_000],
        licences: STD,
        standard: '۱۷۵۲۹',
        approved: true,
        imported: 0.3,
      },
    ],
  },
  {
    guildCode: '4759',
    count: 180,
    brands: ['خانه‌آرا', 'پارس‌الکتریک', 'گرمادیس', 'هوم‌لاین', 'برق‌آوران'],
    kinds: [
      {
        name: 'اتوی بخار',
        sizes: ['۲۲۰۰ وات'],
        price: [24_000_000, 41_000_000],
        licences: STD,
        standard: '۱۵۶۲-۲-۳',
        imported: 0.6,
      },
      {
        name: 'کتری برقی',
        sizes: ['۱.۷ لیتر'],
        price: [14_000_000, 26_000_000],
        licences: STD,
        standard: '۱۵۶۲-۲-۱۵',
        imported: 0.6,
      },
      {
        name: 'سشوار',
        sizes: ['۲۰۰۰ وات'],
        price: [12_000_000, 29_000_000],
        licences: STD,
        standard: '۱۵۶۲-۲-۲۳',
        imported: 0.7,
      },
      {
        name: 'جاروبرقی',
        sizes: ['۲۴۰۰ وات'],
        price: [78_000_000, 145_000_000],
        licences: STD,
        standard: '۱۵۶۲-۲-۲',
        imported: 0.5,
      },
      {
        name: 'پنکهٔ ایستاده',
        sizes: ['۱ عدد'],
        price: [21_000_000, 36_000_000],
        licences: STD,
        standard: '۱۵۶۲-۲-۸۰',
        approved: true,
      },
    ],
  },
  {
    guildCode: '4761',
    count: 160,
    brands: ['کاغذ‌ساز', 'قلم‌زرین', 'دفتر‌سبز', 'رنگارنگ'],
    kinds: [
      { name: 'دفتر ۱۰۰ برگ', sizes: ['۱ عدد'], price: [280_000, 520_000], licences: [], approved: true },
      { name: 'خودکار آبی', sizes: ['۱ عدد'], price: [70_000, 140_000], barcode: 'ean8', licences: [] },
      { name: 'مداد مشکی', sizes: ['۱۲ عدد'], price: [260_000, 480_000], licences: STD, standard: '۹۲۶' },
      { name: 'پاک‌کن', sizes: ['۱ عدد'], price: [40_000, 90_000], barcode: 'ean8', licences: [] },
      { name: 'چسب ماتیکی', sizes: ['۲۱ گرم'], price: [120_000, 210_000], licences: [], imported: 0.4 },
    ],
  },
  {
    guildCode: '4764',
    count: 140,
    brands: ['شادی‌ساز', 'بازی‌گستر', 'کودک هوشمند', 'پارس‌تویز'],
    kinds: [
      {
        name: 'پازل ۱۰۰۰ تکه',
        sizes: ['۱ عدد'],
        price: [2_400_000, 4_800_000],
        licences: STD,
        standard: '۶۲۳۶',
        imported: 0.4,
      },
      {
        name: 'عروسک پارچه‌ای',
        sizes: ['۳۰ سانتی‌متر'],
        price: [1_800_000, 3_900_000],
        licences: STD,
        standard: '۶۲۳۶',
      },
      {
        name: 'ماشین کنترلی',
        sizes: ['۱ عدد'],
        price: [6_500_000, 14_000_000],
        licences: STD,
        standard: '۶۲۳۶',
        imported: 0.8,
      },
      {
        name: 'بلوک ساختنی',
        sizes: ['۲۰۰ قطعه'],
        price: [3_200_000, 7_500_000],
        licences: STD,
        standard: '۶۲۳۶',
        imported: 0.6,
      },
    ],
  },
  {
    guildCode: '4771',
    count: 160,
    brands: ['پوشینه', 'نخ‌ریس', 'جامه‌دوز', 'کتان‌پارس'],
    kinds: [
      { name: 'جوراب نخی مردانه', sizes: ['سایز ۴۲', 'سایز ۴۴'], price: [180_000, 320_000], licences: [] },
      {
        name: 'تی‌شرت نخی',
        sizes: ['M', 'L', 'XL'],
        price: [1_600_000, 3_200_000],
        licences: [],
        imported: 0.3,
      },
      {
        name: 'شلوار جین',
        sizes: ['سایز ۳۲', 'سایز ۳۴'],
        price: [4_800_000, 9_200_000],
        licences: [],
        imported: 0.4,
      },
    ],
  },
  {
    guildCode: '4520',
    count: 120,
    brands: ['روغن‌سازان سپاهان', 'موتورپارت', 'ترمزایمن', 'فیلتر‌گستر'],
    kinds: [
      {
        name: 'روغن موتور 10W-40',
        sizes: ['۴ لیتر', '۱ لیتر'],
        price: [9_800_000, 16_000_000],
        licences: STD,
        standard: '۱۵۵۷۴',
        approved: true,
      },
      {
        name: 'فیلتر روغن',
        sizes: ['۱ عدد'],
        price: [650_000, 1_300_000],
        licences: STD,
        standard: '۶۴۷۴',
        imported: 0.3,
      },
      {
        name: 'لنت ترمز جلو',
        sizes: ['۱ دست'],
        price: [2_900_000, 5_600_000],
        licences: STD,
        standard: '۱۲۶۵۶',
        imported: 0.4,
      },
    ],
  },
];

/** Legal forms a producer's name is given in. */
export const PRODUCER_FORMS = ['شرکت {b} (سهامی خاص)', 'شرکت صنایع {b}', 'شرکت تولیدی {b}', 'کارخانهٔ {b}'];
export const IMPORTER_NAMES = [
  'بازرگانی ترنج',
  'پیشگامان تجارت آریا',
  'بازرگانی راه ابریشم',
  'تجارت‌گستر خلیج فارس',
  'بازرگانی نگین شرق',
  'واردات کالای آسیا',
];
export const COUNTRIES = ['چین', 'ترکیه', 'امارات متحدهٔ عربی', 'آلمان', 'کرهٔ جنوبی', 'مالزی', 'هند'];
export const PRICE_AUTHORITIES = {
  general: 'سازمان حمایت مصرف‌کنندگان و تولیدکنندگان',
  health: 'سازمان غذا و دارو',
};
