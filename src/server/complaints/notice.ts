import type { Agency } from '../store/types.ts';

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
