import type { AddressMatch, Agency } from '../store/types.ts';

// The Persian notice a reporter gets on filing: who has it, how to reach them, by when.

const persianDate = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
  dateStyle: 'long',
  timeZone: 'Asia/Tehran',
});

export function serviceNotice(agency: Agency, expectedAt: string): string {
  if (agency.kind === 'external')
    return `رسیدگی به این موضوع در صلاحیت اتحادیه‌های صنفی نیست. لطفاً با ${agency.name} (تلفن ${agency.phone}) تماس بگیرید.`;
  const who = agency.kind === 'chamber' ? `بازرسان ${agency.name.replace(/^بازرسی /, '')}` : agency.name;
  return `شکایت شما برای ${who} (تلفن ${agency.phone}) فرستاده شد. طبق مادهٔ ۷۲ قانون نظام صنفی باید تا ${persianDate.format(new Date(expectedAt))} به آن رسیدگی شود.`;
}

/** How a complaint that named its place only as text was placed: which shop, or which county. */
export function placementNotice(match: AddressMatch, namesShop: boolean): string {
  if (match.kind === 'shop' && namesShop)
    return `نشانی شما با مغازهٔ ثبت‌شدهٔ «${match.shop.name}» (شناسهٔ مکان ${match.shop.gln}، ${match.shop.address}) تطبیق داده شد.`;
  if (match.kind === 'shop') return `نشانی شما در شهرستان ${match.shop.county} پیدا شد.`;
  if (match.kind === 'county')
    return `نشانی شما با هیچ مغازهٔ ثبت‌شده‌ای تطبیق نیافت و در شهرستان ${match.county} جای داده شد.`;
  return 'نشانی شما در هیچ شهرِ ثبت‌شده در سامانه پیدا نشد.';
}
