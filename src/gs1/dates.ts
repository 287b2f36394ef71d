// Dates in GS1 data are YYMMDD (General Specifications 7.12). The century is the one that puts the
// year nearest today: from 49 years back to 50 years ahead; DD = 00 means the last day of the
// month. Pure: the caller passes "today", so the same code runs in tests, the page and the server.

const pad = (n: number) => String(n).padStart(2, '0');

/** `yymmdd` as an ISO date (`2026-12-31`), or null when it is not a GS1 date. */
export function gs1DateToIso(yymmdd: string, today: Date): string | null {
  const match = /^(\d{2})(\d{2})(\d{2})$/.exec(yymmdd);
  if (!match) return null;
  const [yy, mm, dd] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (mm < 1 || mm > 12) return null;
  const thisYear = today.getUTCFullYear();
  const century = thisYear - (thisYear % 100);
  const difference = yy - (thisYear % 100);
  let year = century + yy;
  if (difference >= 51) year -= 100;
  else if (difference <= -50) year += 100;
  const lastDay = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  const day = dd === 0 ? lastDay : dd;
  if (day > lastDay) return null;
  return `${year}-${pad(mm)}-${pad(day)}`;
}
