import { type DeskDashboard, isOpen, isOutcome, isOverdue } from '../../api/index.ts';
import type { DashboardRow } from '../store/desk-types.ts';

// A union's figures from its complaints (triage and spam left out, as from every count): how
// many are open and overdue now, the median time from filing to the union's first reply, how
// closed complaints ended per category, and per month of filing how many came, were answered
// and are closed. Months are the Jalali calendar's, in Tehran's time: the months a union reports in.

const MINUTE = 60_000;

const JALALI_MONTH = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  timeZone: 'Asia/Tehran',
  year: 'numeric',
  month: 'numeric',
});

/** `1405-09`: the Jalali year and month (Tehran time) of an instant. */
export function jalaliMonth(iso: string): string {
  const parts = JALALI_MONTH.formatToParts(new Date(iso));
  const year = parts.find((p) => p.type === 'year')!.value;
  const month = parts.find((p) => p.type === 'month')!.value.padStart(2, '0');
  return `${year}-${month}`;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function dashboardOf(rows: DashboardRow[], now: Date): DeskDashboard {
  const waits = rows
    .filter((r) => r.firstReplyAt)
    .map((r) => (Date.parse(r.firstReplyAt!) - Date.parse(r.requestedAt)) / MINUTE);
  const outcomes = new Map<string, DeskDashboard['outcomes'][number]>();
  const months = new Map<string, DeskDashboard['months'][number]>();
  for (const r of rows) {
    if (isOutcome(r.substatus)) {
      const key = `${r.serviceCode}|${r.substatus}`;
      const o = outcomes.get(key) ?? { service_code: r.serviceCode, outcome: r.substatus, count: 0 };
      o.count++;
      outcomes.set(key, o);
    }
    const month = jalaliMonth(r.requestedAt);
    const m = months.get(month) ?? { month, filed: 0, closed: 0, replied: 0 };
    m.filed++;
    if (!isOpen(r.substatus)) m.closed++;
    if (r.firstReplyAt) m.replied++;
    months.set(month, m);
  }
  const med = median(waits);
  return {
    open: rows.filter((r) => isOpen(r.substatus)).length,
    overdue: rows.filter((r) => isOverdue(r.substatus, r.expectedAt, now)).length,
    median_first_reply_minutes: med === null ? null : Math.round(med),
    outcomes: [...outcomes.values()].sort(
      (a, b) => a.service_code.localeCompare(b.service_code) || a.outcome.localeCompare(b.outcome),
    ),
    months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
  };
}
