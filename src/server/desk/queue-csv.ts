import type { TFunction } from 'i18next';
import { substatusKey } from '../../api/index.ts';
import type { DeskFilter } from '../store/desk-types.ts';
import type { QueueCursor, Store } from '../store/types.ts';
import { stripBidi } from '../text/bidi.ts';
import { csvLine } from './csv.ts';
import { toDeskItem } from './view.ts';

// The queue as the desk filtered it, as CSV for a spreadsheet. No reporter contact or anything
// else about the reporter beyond the complaint itself (its description included); every cell neutralised against formulas
// (csv.ts). Column titles and states in the request's language.

/** An export is for a union's working list, not a dump: beyond this many rows, narrow the filters. */
export const CSV_MAX_ROWS = 20_000;
const BATCH = 500;

export async function queueCsv(
  store: Store,
  agencyId: string,
  filter: DeskFilter,
  now: Date,
  t: TFunction,
): Promise<{ text: string; rows: number }> {
  const columns = [
    'id',
    'category',
    'status',
    'filed',
    'deadline',
    'overdue',
    'escalated',
    'gln',
    'shop',
    'guild',
    'county',
    'photos',
    'supporters',
    'assignee',
    'description',
  ] as const;
  let text = `\ufeff${csvLine(columns.map((c) => t(`server:deskCsv.${c}`)))}`;
  let rows = 0;
  let after: QueueCursor | undefined;
  do {
    const page = await store.deskPage(agencyId, filter, after, Math.min(BATCH, CSV_MAX_ROWS - rows));
    for (const r of page.items) {
      const i = toDeskItem(r, now);
      text += csvLine([
        i.id,
        i.service_name,
        t(substatusKey(i.substatus)),
        i.requested_datetime,
        i.expected_datetime,
        i.overdue ? 1 : 0,
        i.escalated ? 1 : 0,
        i.address_id,
        i.location_name,
        i.guild,
        i.county,
        i.photos,
        i.supporters,
        i.assignee?.name,
        r.description ? stripBidi(r.description) : '',
      ]);
    }
    rows += page.items.length;
    after = page.next;
  } while (after && rows < CSV_MAX_ROWS);
  return { text, rows };
}
