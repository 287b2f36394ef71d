import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError, ErrorCode } from '../../api/index.ts';

// Every error leaves as `[{code, description}]` with a Persian description that says what
// happened and what to do. Nothing internal (stack, SQL) ever reaches the body.

export const MESSAGES = {
  badGln: 'شناسهٔ مکان باید ۱۳ رقم باشد. عدد روی پلاک را دوباره بررسی کنید.',
  badCheckDigit: 'رقم کنترل این شناسهٔ مکان درست نیست؛ احتمالاً یک رقم اشتباه وارد یا خوانده شده است.',
  badExtension: 'بخش فرعی شناسهٔ مکان (AI 254) نادرست است.',
  badPath: 'نشانی درخواست‌شده معتبر نیست.',
  unknownGln:
    'این شناسهٔ مکان در سامانه ثبت نشده است. اگر پلاک روی مغازه نصب است، می‌توانید «پلاک نامعتبر» را گزارش کنید.',
  unknownLicence: 'پروانه‌ای با این شناسه پیدا نشد.',
  badLicence: 'شناسهٔ پروانه نادرست است.',
  unknownLinkType: 'این نوع پیوند برای این مکان تعریف نشده است.',
  badQuery: 'پارامترهای درخواست نادرست است.',
  badNear: 'موقعیت باید به شکل «عرض,طول» و شعاع بین ۱ تا ۵۰۰۰ متر باشد.',
  badJson: 'محتوای درخواست JSON معتبر نیست.',
  badBody: 'قالب محتوای درخواست پشتیبانی نمی‌شود. JSON یا فرم بفرستید.',
  unknownService: 'این دستهٔ شکایت وجود ندارد. فهرست دسته‌ها را دوباره بگیرید.',
  notFound: 'چیزی در این نشانی پیدا نشد.',
  requestNotFound: 'شکایتی با این کد پیگیری پیدا نشد.',
  noOpenComplaint:
    'اکنون شکایت بازی با این موضوع دربارهٔ این مغازه وجود ندارد. اگر شاهد تخلف بوده‌اید، شکایت خودتان را ثبت کنید.',
  ownComplaint:
    'شکایت باز این موضوع دربارهٔ این مغازه را خودتان از همین گوشی ثبت کرده‌اید و حمایت از آن شمرده نمی‌شود. برای افزودن مدرک یا توضیح، همان شکایت را در «شکایت‌های من» پیگیری کنید.',
  unauthorized: 'برای دیدن یا پیگیری این شکایت، رمز پیگیری لازم است.',
  forbidden: 'این رمز اجازهٔ دسترسی به این شکایت را ندارد.',
  idempotencyMismatch: 'این کلید یکتایی (Idempotency-Key) قبلاً برای درخواست دیگری به کار رفته است.',
  tooLarge: 'حجم درخواست بیش از حد مجاز است.',
  tooLargeMedia: 'حجم تصویر بیش از ۵ مگابایت است. تصویر کوچک‌تری بفرستید.',
  unsupportedMedia: 'فقط تصویر JPEG، PNG یا WebP پذیرفته می‌شود.',
  badImage: 'این فایل تصویر قابل خواندن نیست.',
  rateLimited: 'درخواست‌های شما زیاد بوده است. چند لحظه صبر کنید و دوباره تلاش کنید.',
  installRequired:
    'این درخواست از برنامهٔ نصب‌شده پذیرفته می‌شود. برنامه را دوباره باز کنید تا شناسهٔ نصب بگیرد و دوباره بفرستید.',
  complaintQuota:
    'امروز بیش از حد مجاز از این گوشی شکایت ثبت شده است. اگر شکایت تازه‌ای دارید، فردا دوباره تلاش کنید.',
  supportQuota: 'امروز بیش از حد مجاز از این گوشی «من هم دیدم» ثبت شده است. فردا دوباره تلاش کنید.',
  uploadQuota: 'امروز بیش از حد مجاز از این گوشی تصویر بارگذاری شده است. فردا دوباره تلاش کنید.',
  supportClosed: 'این شکایت دیگر باز نیست و حمایت تازه نمی‌پذیرد.',
  badCoordinates: 'موقعیت (lat و long) باید هر دو عدد معتبر باشند. موقعیت را دوباره بگیرید.',
  internal: 'خطایی در سرور رخ داد. کمی بعد دوباره تلاش کنید.',
  locationNeeded: 'شناسهٔ مکان (address_id) یا موقعیت (lat و long) لازم است.',
  badMediaUrl: 'نشانی تصویر باید نشانی‌ای باشد که بارگذاری تصویر در همین سامانه برگردانده است.',
  tooManyMedia: 'هر شکایت حداکثر ۳ تصویر می‌تواند داشته باشد.',
  remoteMediaStatus: 'تصویر از نشانی داده‌شده گرفته نشد: آن سرور تصویری برنگرداند.',
  remoteMediaUnreachable: 'تصویر از نشانی داده‌شده گرفته نشد: آن سرور در دسترس نیست.',
  remoteMediaTimeout: 'تصویر از نشانی داده‌شده گرفته نشد: پاسخ آن سرور بیش از حد طول کشید.',
  remoteMediaPrivate: 'نشانی تصویر به شبکه‌ای خصوصی اشاره می‌کند و پذیرفته نمی‌شود.',
  unknownToken:
    'این توکن صادر نشده است. همهٔ دسته‌ها بی‌درنگ ثبت می‌شوند و پاسخ ثبت، کد پیگیری (service_request_id) را مستقیم می‌دهد.',
  badDateRange:
    'بازهٔ تاریخ نادرست است: start_date و end_date باید تاریخ و زمان W3C باشند و بازه حداکثر ۹۰ روز.',
} as const;

export function errorBody(code: ErrorCode, description: string): ApiError {
  return [{ code, description }];
}

export function fail(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  description: string,
  extra?: ApiError,
) {
  return c.json([...errorBody(code, description), ...(extra ?? [])], status);
}
