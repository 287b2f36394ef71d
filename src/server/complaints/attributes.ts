import type { ServiceAttribute } from '../../api/index.ts';

// Evidence fields, defined once and reused across categories. `order` is set per category.
type Def = Omit<ServiceAttribute, 'order' | 'required' | 'variable'>;

export const ATTRIBUTES = {
  product: {
    code: 'product',
    datatype: 'string',
    datatype_description: 'متن کوتاه',
    description: 'نام کالا یا خدمت',
  },
  price_paid: {
    code: 'price_paid',
    datatype: 'number',
    datatype_description: 'عدد به ریال',
    description: 'مبلغی که پرداخت کردید (ریال)',
  },
  labelled_price: {
    code: 'labelled_price',
    datatype: 'number',
    datatype_description: 'عدد به ریال',
    description: 'قیمت درج‌شده روی کالا یا قیمت مصوب (ریال)',
  },
  invoice_number: {
    code: 'invoice_number',
    datatype: 'string',
    datatype_description: 'متن کوتاه',
    description: 'شمارهٔ فاکتور یا رسید',
  },
  pos_terminal_name: {
    code: 'pos_terminal_name',
    datatype: 'string',
    datatype_description: 'متن کوتاه',
    description: 'نام فروشگاه که روی رسید کارتخوان چاپ شده است',
  },
  purchase_time: {
    code: 'purchase_time',
    datatype: 'datetime',
    datatype_description: 'تاریخ و زمان ISO 8601',
    description: 'زمان خرید',
  },
  weight_claimed: {
    code: 'weight_claimed',
    datatype: 'number',
    datatype_description: 'عدد به گرم',
    description: 'وزن اعلام‌شده (گرم)',
  },
  weight_measured: {
    code: 'weight_measured',
    datatype: 'number',
    datatype_description: 'عدد به گرم',
    description: 'وزنی که خودتان سنجیدید (گرم)',
  },
  details: {
    code: 'details',
    datatype: 'text',
    datatype_description: 'متن بلند',
    description: 'شرح آنچه دیدید',
  },
  forced_item: {
    code: 'forced_item',
    datatype: 'string',
    datatype_description: 'متن کوتاه',
    description: 'کالایی که به اجبار همراه خرید فروخته شد',
  },
  plate_gln: {
    code: 'plate_gln',
    datatype: 'string',
    datatype_description: '۱۳ رقم',
    description: 'شناسهٔ مکانی که روی پلاک نصب‌شده آمده است',
  },
  shop_sign: {
    code: 'shop_sign',
    datatype: 'string',
    datatype_description: 'متن کوتاه',
    description: 'نام روی تابلوی مغازه',
  },
} satisfies Record<string, Def>;

export type AttributeCode = keyof typeof ATTRIBUTES;
