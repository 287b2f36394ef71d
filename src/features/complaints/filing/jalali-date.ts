import { toLatinDigits } from '../../../i18n/format.ts';

// Shoppers read receipts dated in the Persian (Jalali) calendar, and a browser's datetime picker
// is Gregorian (and often English). So the purchase time is typed as on the receipt,
// "۱۴۰۵/۰۹/۰۴ ۱۸:۳۰", and converted here. The conversion asks Intl (which has the calendar)
// rather than re-implementing the leap-year arithmetic: an estimate, then a few days either side.

const DAY = 86_400_000;
// Iran has kept one offset all year since daylight saving was abolished in 2022.
const TEHRAN_OFFSET = '+03:30';

const persianParts = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

function jalaliOf(ms: number): [number, number, number] {
  const parts = persianParts.formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return [get('year'), get('month'), get('day')];
}

/** The Gregorian date (UTC midnight, epoch ms) of a Jalali date, or undefined if there is none. */
export function gregorianOf(jy: number, jm: number, jd: number): number | undefined {
  if (jm < 1 || jm > 12 || jd < 1 || jd > (jm <= 6 ? 31 : 30)) return undefined;
  const dayOfYear = (jm <= 6 ? (jm - 1) * 31 : 186 + (jm - 7) * 30) + jd - 1;
  const estimate = Date.UTC(jy + 621, 2, 21) + dayOfYear * DAY;
  for (const offset of [0, -1, 1, -2, 2, -3, 3]) {
    const ms = estimate + offset * DAY;
    const [y, m, d] = jalaliOf(ms);
    if (y === jy && m === jm && d === jd) return ms;
  }
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "1405/9/4", "۱۴۰۵-۰۹-۰۴ ۱۸:۳۰" (any of / - . as separators, time optional) to ISO 8601 in
 * Tehran time; undefined when it is not a real date and time.
 */
export function parseJalaliDateTime(raw: string): string | undefined {
  const m = /^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(
    toLatinDigits(raw).trim(),
  );
  if (!m) return undefined;
  const [jy, jm, jd, hh = 0, mm = 0] = m
    .slice(1)
    .map((x) => (x === undefined ? undefined : Number(x))) as number[];
  if (hh! > 23 || mm! > 59) return undefined;
  const day = gregorianOf(jy!, jm!, jd!);
  if (day === undefined) return undefined;
  const d = new Date(day);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(hh!)}:${pad(mm!)}:00${TEHRAN_OFFSET}`;
}

/** Today's date as the field expects it, for the placeholder: "۱۴۰۵/۰۹/۰۴". */
export function todayJalali(now = Date.now()): string {
  const [y, m, d] = jalaliOf(now + 3.5 * 3_600_000);
  return `${y}/${pad(m)}/${pad(d)}`;
}
