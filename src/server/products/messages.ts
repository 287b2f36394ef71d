// The product service's Persian error texts (beside the shared ones in http/errors.ts).
export const PRODUCT_MESSAGES = {
  badGtin: 'شناسهٔ کالا (GTIN) باید ۸، ۱۲، ۱۳ یا ۱۴ رقم باشد. عدد زیر بارکد را دوباره بررسی کنید.',
  badGtinCheckDigit: 'رقم کنترل این شناسهٔ کالا درست نیست؛ احتمالاً یک رقم اشتباه وارد یا خوانده شده است.',
  unknownGtin: 'این کالا در سامانه ثبت نشده است. نام و قیمت را از روی بسته بخوانید.',
} as const;
