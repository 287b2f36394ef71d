// Seed vocabulary: cities, guilds with their ISIC Rev.4 classes, and Persian names. Data, not
// logic; it may run long.

export type City = {
  key: string;
  city: string;
  county: string;
  province: string;
  /** City centre; shops are scattered within `spreadKm`. */
  lat: number;
  lng: number;
  spreadKm: number;
  /** Two-digit area code for phone numbers, and a leading postcode digit. */
  phone: string;
  postcodeLead: string;
  streets: string[];
  chamberAddress: string;
};

export const CITIES: City[] = [
  { key: 'tehran', city: 'تهران', county: 'تهران', province: 'تهران', lat: 35.6997, lng: 51.3380, spreadKm: 7, phone: '021', postcodeLead: '1', chamberAddress: 'تهران، خیابان طالقانی، نبش خیابان بندر انزلی، اتاق اصناف تهران', streets: ['خیابان ولیعصر', 'خیابان انقلاب اسلامی', 'خیابان شریعتی', 'خیابان آزادی', 'خیابان مطهری', 'خیابان جمهوری اسلامی', 'خیابان کریمخان زند', 'خیابان پیروزی', 'خیابان ستارخان', 'خیابان بهشتی', 'خیابان طالقانی', 'خیابان فاطمی', 'بلوار کشاورز', 'خیابان دماوند', 'خیابان پاسداران'] },
  { key: 'mashhad', city: 'مشهد', county: 'مشهد', province: 'خراسان رضوی', lat: 36.2972, lng: 59.6067, spreadKm: 6, phone: '051', postcodeLead: '9', chamberAddress: 'مشهد، بلوار سجاد، اتاق اصناف مشهد', streets: ['بلوار وکیل‌آباد', 'خیابان امام رضا', 'بلوار سجاد', 'خیابان احمدآباد', 'بلوار فردوسی', 'خیابان دانشگاه', 'بلوار معلم', 'خیابان کوهسنگی', 'بلوار هاشمیه', 'خیابان طبرسی'] },
  { key: 'isfahan', city: 'اصفهان', county: 'اصفهان', province: 'اصفهان', lat: 32.6546, lng: 51.6680, spreadKm: 5, phone: '031', postcodeLead: '8', chamberAddress: 'اصفهان، خیابان شیخ صدوق شمالی، اتاق اصناف اصفهان', streets: ['خیابان چهارباغ عباسی', 'خیابان نظر', 'خیابان هزارجریب', 'خیابان آمادگاه', 'خیابان سپاه', 'خیابان کاوه', 'خیابان مشتاق', 'خیابان جابر انصاری', 'خیابان شیخ صدوق', 'خیابان بزرگمهر'] },
  { key: 'shiraz', city: 'شیراز', county: 'شیراز', province: 'فارس', lat: 29.6100, lng: 52.5311, spreadKm: 5, phone: '071', postcodeLead: '7', chamberAddress: 'شیراز، خیابان زند، اتاق اصناف شیراز', streets: ['خیابان زند', 'بلوار چمران', 'خیابان ملاصدرا', 'خیابان قصردشت', 'خیابان معالی‌آباد', 'خیابان لطفعلی‌خان زند', 'خیابان فرهنگ‌شهر', 'خیابان عفیف‌آباد', 'بلوار ارم', 'خیابان قآنی'] },
  { key: 'tabriz', city: 'تبریز', county: 'تبریز', province: 'آذربایجان شرقی', lat: 38.0792, lng: 46.2887, spreadKm: 5, phone: '041', postcodeLead: '5', chamberAddress: 'تبریز، خیابان امام خمینی، اتاق اصناف تبریز', streets: ['خیابان امام خمینی', 'خیابان ارتش', 'خیابان ولیعصر', 'خیابان آزادی', 'خیابان شریعتی', 'خیابان فردوسی', 'خیابان منصور', 'خیابان ششگلان', 'خیابان طالقانی', 'خیابان راه‌آهن'] },
  { key: 'karaj', city: 'کرج', county: 'کرج', province: 'البرز', lat: 35.8327, lng: 50.9916, spreadKm: 5, phone: '026', postcodeLead: '3', chamberAddress: 'کرج، بلوار جمهوری، اتاق اصناف کرج', streets: ['بلوار جمهوری', 'خیابان بهشتی', 'بلوار موذن', 'خیابان طالقانی', 'بلوار دانش‌آموز', 'خیابان شهید چمران', 'بلوار ارم', 'خیابان درختی'] },
];

export type GuildDef = {
  code: string;
  /** As a shopper says it, and as the union's name says it. */
  name: string;
  unionName: string;
  isic: string;
  isicTitle: string;
  /** Shop-name prefixes for this guild. */
  prefixes: string[];
  /** How common such shops are (relative weight). */
  weight: number;
  /** Whether a licence here often has a warehouse. */
  warehouses: boolean;
};

export const GUILDS: GuildDef[] = [
  { code: '4711', name: 'سوپرمارکت و خواربار', unionName: 'اتحادیه صنف خواربار و لبنیات فروشان', isic: '4711', isicTitle: 'خرده‌فروشی در فروشگاه‌های غیرتخصصی با غلبهٔ مواد غذایی، نوشیدنی یا توتون', prefixes: ['سوپرمارکت', 'هایپر', 'فروشگاه'], weight: 14, warehouses: true },
  { code: '4721', name: 'میوه و تره‌بار', unionName: 'اتحادیه صنف میوه و سبزی فروشان', isic: '4721', isicTitle: 'خرده‌فروشی مواد غذایی در فروشگاه‌های تخصصی', prefixes: ['میوه‌فروشی', 'تره‌بار'], weight: 8, warehouses: false },
  { code: '4722', name: 'آبمیوه و نوشیدنی', unionName: 'اتحادیه صنف فروشندگان آبمیوه و نوشیدنی', isic: '4722', isicTitle: 'خرده‌فروشی نوشیدنی در فروشگاه‌های تخصصی', prefixes: ['آبمیوه', 'نوشیدنی'], weight: 4, warehouses: false },
  { code: '4771', name: 'پوشاک', unionName: 'اتحادیه صنف پوشاک', isic: '4771', isicTitle: 'خرده‌فروشی پوشاک، کفش و اقلام چرمی در فروشگاه‌های تخصصی', prefixes: ['پوشاک', 'بوتیک', 'مزون'], weight: 12, warehouses: true },
  { code: '4741', name: 'رایانه و لوازم جانبی', unionName: 'اتحادیه صنف فناوران رایانه', isic: '4741', isicTitle: 'خرده‌فروشی رایانه، تجهیزات جانبی و نرم‌افزار در فروشگاه‌های تخصصی', prefixes: ['رایانه', 'کامپیوتر'], weight: 5, warehouses: true },
  { code: '4742', name: 'تلفن همراه', unionName: 'اتحادیه صنف فروشندگان تلفن همراه و لوازم جانبی', isic: '4742', isicTitle: 'خرده‌فروشی تجهیزات مخابراتی در فروشگاه‌های تخصصی', prefixes: ['موبایل', 'گوشی'], weight: 7, warehouses: false },
  { code: '4752', name: 'ابزار و یراق', unionName: 'اتحادیه صنف ابزار و یراق‌آلات', isic: '4752', isicTitle: 'خرده‌فروشی ابزار، رنگ و شیشه در فروشگاه‌های تخصصی', prefixes: ['ابزار', 'یراق'], weight: 5, warehouses: true },
  { code: '4772', name: 'لوازم آرایشی و بهداشتی', unionName: 'اتحادیه صنف فروشندگان لوازم آرایشی و بهداشتی', isic: '4772', isicTitle: 'خرده‌فروشی کالاهای دارویی، پزشکی، آرایشی و بهداشتی در فروشگاه‌های تخصصی', prefixes: ['آرایشی بهداشتی', 'عطر و ادکلن'], weight: 5, warehouses: false },
  { code: '4773', name: 'طلا و جواهر', unionName: 'اتحادیه صنف طلا، جواهر و نقره', isic: '4773', isicTitle: 'سایر خرده‌فروشی کالاهای نو در فروشگاه‌های تخصصی', prefixes: ['طلا و جواهر', 'گالری طلا'], weight: 4, warehouses: false },
  { code: '5610', name: 'رستوران و اغذیه', unionName: 'اتحادیه صنف رستوران‌داران و اغذیه‌فروشان', isic: '5610', isicTitle: 'فعالیت رستوران‌ها و خدمات سیار غذا', prefixes: ['رستوران', 'کبابی', 'اغذیه', 'کافه'], weight: 10, warehouses: false },
  { code: '9602', name: 'آرایشگری', unionName: 'اتحادیه صنف آرایشگران', isic: '9602', isicTitle: 'آرایشگری و سایر خدمات زیبایی', prefixes: ['آرایشگاه', 'پیرایش'], weight: 7, warehouses: false },
  { code: '4520', name: 'تعمیر خودرو', unionName: 'اتحادیه صنف تعمیرکاران خودرو', isic: '4520', isicTitle: 'نگهداری و تعمیر وسایل نقلیهٔ موتوری', prefixes: ['تعمیرگاه', 'مکانیکی'], weight: 5, warehouses: false },
  { code: '4759', name: 'مبلمان و لوازم خانگی', unionName: 'اتحادیه صنف فروشندگان مبلمان و لوازم خانگی', isic: '4759', isicTitle: 'خرده‌فروشی مبلمان، وسایل روشنایی و سایر لوازم خانگی در فروشگاه‌های تخصصی', prefixes: ['مبلمان', 'لوازم خانگی'], weight: 4, warehouses: true },
  { code: '4761', name: 'کتاب و لوازم‌التحریر', unionName: 'اتحادیه صنف کتاب‌فروشان و لوازم‌التحریر', isic: '4761', isicTitle: 'خرده‌فروشی کتاب، روزنامه و لوازم‌التحریر در فروشگاه‌های تخصصی', prefixes: ['کتاب‌فروشی', 'لوازم‌التحریر'], weight: 3, warehouses: false },
  { code: '4764', name: 'اسباب‌بازی', unionName: 'اتحادیه صنف فروشندگان اسباب‌بازی', isic: '4764', isicTitle: 'خرده‌فروشی بازی و اسباب‌بازی در فروشگاه‌های تخصصی', prefixes: ['اسباب‌بازی', 'دنیای بازی'], weight: 2, warehouses: false },
  { code: '1071', name: 'نانوایی', unionName: 'اتحادیه صنف نانوایان', isic: '1071', isicTitle: 'تولید فراورده‌های نانوایی', prefixes: ['نانوایی سنگک', 'نانوایی بربری', 'نانوایی لواش', 'نان فانتزی'], weight: 8, warehouses: false },
];

export const SHOP_NAMES = [
  'آفتاب', 'پارسیان', 'ستاره', 'نگین', 'البرز', 'سپهر', 'امید', 'حافظ', 'سعدی', 'مهتاب', 'بهار', 'کوروش',
  'آرمان', 'نوین', 'ایرانیان', 'مهر', 'رضوان', 'پردیس', 'شایان', 'آریا', 'دنا', 'زاگرس', 'سینا', 'فردوس',
  'گلستان', 'ماهان', 'نیک', 'یاس', 'آسمان', 'برادران رضایی', 'برادران احمدی', 'کریمی', 'حسینی', 'محمدی',
  'صادقی', 'رحیمی', 'جعفری', 'موسوی', 'طاهری', 'نوروزی', 'خلیلی', 'اکبری', 'شهریار', 'پایتخت', 'میلاد',
];

export const HOLDER_FIRST = ['علی', 'محمد', 'حسین', 'رضا', 'مهدی', 'زهرا', 'فاطمه', 'مریم', 'سارا', 'امیر', 'حمید', 'نرگس', 'مجید', 'لیلا', 'سعید'];
export const HOLDER_LAST = ['رضایی', 'احمدی', 'کریمی', 'حسینی', 'محمدی', 'صادقی', 'رحیمی', 'جعفری', 'موسوی', 'طاهری', 'نوروزی', 'خلیلی', 'اکبری', 'قاسمی', 'یوسفی'];

export const BANKS = ['بانک ملت', 'بانک ملی ایران', 'بانک صادرات', 'بانک تجارت', 'بانک سامان', 'بانک پاسارگاد', 'بانک سپه', 'بانک پارسیان'];
export const FLOORS = ['همکف', 'همکف', 'همکف', 'اول', 'دوم', 'زیرزمین', 'همکف'];
