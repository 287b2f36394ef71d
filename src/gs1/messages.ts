// Persian messages for the user, one per stable error code. The gs1 core cannot depend on
// i18next, so its few user-facing sentences live here; each says what happened and what to do.
import type { Gs1Error, Gs1ErrorCode } from './types.ts';

const MESSAGES: Record<Gs1ErrorCode, string> = {
  'bad-check-digit': 'رقم کنترل شناسه درست نیست؛ کد را دوباره اسکن کنید یا شماره را با دقت وارد کنید.',
  'bad-length': 'طول یکی از شناسه‌ها درست نیست؛ کد ناقص یا نادرست چاپ شده است.',
  'bad-character': 'کد نویسه‌ای غیرمجاز دارد؛ این کد با استاندارد GS1 سازگار نیست.',
  'unknown-ai': 'کد شامل شناسهٔ کاربردی (AI) ناشناخته‌ای است؛ این کد GS1 معتبر نیست.',
  'no-primary-key': 'در این کد شناسهٔ اصلی GS1 (مانند GLN مکان) پیدا نشد.',
  'bad-qualifier': 'ترتیب یا ترکیب بخش‌های تکمیلی شناسه (مانند پسوند GLN) نادرست است.',
  'bad-attribute': 'یکی از داده‌های پیوست‌شده به نشانی در این جایگاه مجاز نیست.',
  'duplicate-ai': 'یک شناسه بیش از یک بار در کد آمده است؛ کد نامعتبر است.',
  'empty-value': 'یکی از شناسه‌های کد مقدار ندارد؛ کد ناقص است.',
  'bad-syntax': 'ساختار کد با قالب استاندارد GS1 نمی‌خواند؛ کد را دوباره اسکن کنید.',
  'bad-scheme': 'نشانی با http یا https معتبر شروع نشده است؛ این یک لینک دیجیتال GS1 نیست.',
  'bad-value': 'مقدار یکی از شناسه‌ها (مثلاً یک تاریخ) معتبر نیست؛ کد نادرست چاپ شده است.',
  'missing-requisite':
    'یکی از داده‌های کد بدون شناسه‌ای که باید همراهش بیاید آمده است (مثلاً تاریخ انقضا بدون شمارهٔ کالا)؛ کد نادرست ساخته شده است.',
  'mutually-exclusive':
    'دو داده در این کد آمده‌اند که طبق استاندارد GS1 نباید با هم بیایند؛ کد نادرست ساخته شده است.',
  'compressed-uri':
    'این کد یک لینک دیجیتال GS1 فشرده است که برنامه هنوز آن را نمی‌خواند؛ شمارهٔ ۱۳ رقمی تابلو را دستی وارد کنید.',
};

export function gs1Error(code: Gs1ErrorCode, ai?: string): Gs1Error {
  return ai === undefined ? { code, message: MESSAGES[code] } : { code, message: MESSAGES[code], ai };
}

export function messageFor(code: Gs1ErrorCode): string {
  return MESSAGES[code];
}
