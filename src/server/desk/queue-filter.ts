import { type DeskQueueFilter, OPEN_SUBSTATUSES, SUBSTATUSES, type Substatus } from '../../api/index.ts';
import type { DeskFilter, DeskSearch } from '../store/desk-types.ts';

// The queue's filters as the desk sends them, made into the store's query. "Open" and "closed"
// are the lifecycle's (src/api/lifecycle.ts); a search names a tracking code, a GLN or a shop.

/** The shape of a tracking code (complaints/intake.ts draws them from this alphabet). */
const TRACKING_CODE = /^[2-9A-HJ-NP-Z]{8}$/;

export function searchOf(q: string | undefined): DeskSearch | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  const latin = toLatinDigits(text);
  if (/^\d{13}$/.test(latin)) return { kind: 'gln', value: latin };
  if (TRACKING_CODE.test(latin.toUpperCase())) return { kind: 'id', value: latin.toUpperCase() };
  return { kind: 'name', value: text };
}

/** Persian (U+06F0…) and Arabic-Indic (U+0660…) digits typed into the search box, as Latin ones. */
function toLatinDigits(s: string): string {
  return s.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (d) => String((d.codePointAt(0)! & 0xf) % 10));
}

function substatusesOf(status: DeskQueueFilter['status']): readonly Substatus[] | undefined {
  if (!status) return undefined;
  if (status === 'open') return OPEN_SUBSTATUSES;
  if (status === 'closed')
    return SUBSTATUSES.filter((s) => !(OPEN_SUBSTATUSES as readonly string[]).includes(s));
  return [status];
}

export function deskFilterOf(f: DeskQueueFilter, now: Date, staffId: string): DeskFilter {
  const substatuses = substatusesOf(f.status);
  const search = searchOf(f.q);
  return {
    view: f.view,
    ...(substatuses ? { substatuses } : {}),
    ...(f.category ? { serviceCode: f.category } : {}),
    ...(f.guild ? { guild: f.guild } : {}),
    ...(f.county ? { county: f.county } : {}),
    ...(f.overdue ? { overdueAt: now.toISOString() } : {}),
    ...(f.escalated ? { escalated: true } : {}),
    ...(f.photos ? { photos: true } : {}),
    ...(f.mine ? { assigneeId: staffId } : {}),
    ...(search ? { search } : {}),
  };
}
