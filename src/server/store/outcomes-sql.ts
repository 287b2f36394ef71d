import {
  type AnsweringBody,
  OUTCOMES,
  type Outcome,
  type Substatus,
  type WordsState,
} from '../../api/index.ts';
import type { Dialect } from './desk-sql.ts';
import type { OutcomeCountRow, OutcomeItemRow, UnionReplyRow, WordsRow } from './outcomes-types.ts';

// The outcomes' SQL, written once for both engines (only the placeholder differs). Parameters
// are bound in the order the placeholders appear.

const OUTCOME_LIST = `(${OUTCOMES.map((s) => `'${s}'`).join(',')})`;

/** Decided, genuine complaints at a shop filed since a moment: (gln, since). */
const DECIDED = (d: Dialect) =>
  `r.gln = ${d.placeholder(1)} AND r.requested_at >= ${d.placeholder(2)}
   AND r.substatus IN ${OUTCOME_LIST} AND r.spam = 0 AND r.triage IS NULL`;

export const countsSql = (d: Dialect) =>
  `SELECT r.service_code, r.substatus, COUNT(*) AS n FROM requests r WHERE ${DECIDED(d)}
   GROUP BY r.service_code, r.substatus ORDER BY r.service_code, r.substatus`;

/** (gln, since, limit). Words only where published and approved: the one place that rule lives. */
export const itemsSql = (d: Dialect) =>
  `SELECT r.id, r.service_code, r.substatus, r.requested_at,
     CASE WHEN r.published = 1 AND w.state = 'approved' THEN r.description END AS words
   FROM requests r LEFT JOIN public_words w ON w.request_id = r.id
   WHERE ${DECIDED(d)} ORDER BY r.requested_at DESC, r.id DESC LIMIT ${d.placeholder(3)}`;

/** The union's and the chamber's replies with text, not their questions to the reporter (they may quote them). */
export const repliesSql = (d: Dialect, n: number) =>
  `SELECT request_id, author, text, datetime FROM notes
   WHERE request_id IN (${Array.from({ length: n }, (_, i) => d.placeholder(i + 1)).join(',')})
     AND type = 'reply' AND author IN ('union', 'chamber') AND text <> '' AND (code IS NULL OR code <> 'question')
   ORDER BY id`;

const WORDS_SELECT = `SELECT r.id, r.agency_id, r.service_code, r.gln, l.name AS place_name, r.substatus,
     r.requested_at, r.description, w.state, w.reason
   FROM requests r JOIN locations l ON l.gln = r.gln LEFT JOIN public_words w ON w.request_id = r.id
   WHERE r.published = 1 AND r.description IS NOT NULL AND r.description <> ''
     AND r.spam = 0 AND r.triage IS NULL`;

/** (agencyId[, state], limit) */
export const wordsQueueSql = (d: Dialect, state: WordsState) =>
  `${WORDS_SELECT} AND r.agency_id = ${d.placeholder(1)}
   AND ${state === 'pending' ? 'w.request_id IS NULL' : `w.state = ${d.placeholder(2)}`}
   ORDER BY r.requested_at, r.id LIMIT ${d.placeholder(state === 'pending' ? 2 : 3)}`;

export const wordsQueueParams = (agencyId: string, state: WordsState, limit: number) =>
  state === 'pending' ? [agencyId, limit] : [agencyId, state, limit];

/** (id) */
export const wordsSql = (d: Dialect) => `${WORDS_SELECT} AND r.id = ${d.placeholder(1)}`;

/** (id, state, reason, at, staffId, staffName) */
export const decideSql = (d: Dialect) =>
  `INSERT INTO public_words (request_id, state, reason, decided_at, staff_id, staff_name)
   VALUES (${[1, 2, 3, 4, 5, 6].map(d.placeholder).join(', ')})
   ON CONFLICT (request_id) DO UPDATE SET state = excluded.state, reason = excluded.reason,
     decided_at = excluded.decided_at, staff_id = excluded.staff_id, staff_name = excluded.staff_name`;

export type CountSqlRow = { service_code: string; substatus: string; n: number | string };
export const toCount = (r: CountSqlRow): OutcomeCountRow => ({
  serviceCode: r.service_code,
  outcome: r.substatus as Outcome,
  count: Number(r.n),
});

export type ItemSqlRow = {
  id: string;
  service_code: string;
  substatus: string;
  requested_at: string;
  words: string | null;
};
export const toItem = (r: ItemSqlRow): OutcomeItemRow => ({
  id: r.id,
  serviceCode: r.service_code,
  outcome: r.substatus as Outcome,
  requestedAt: r.requested_at,
  words: r.words,
});

export type ReplySqlRow = { request_id: string; author: AnsweringBody; text: string; datetime: string };
export const toReply = (r: ReplySqlRow): UnionReplyRow => ({
  requestId: r.request_id,
  by: r.author,
  text: r.text,
  datetime: r.datetime,
});

export type WordsSqlRow = {
  id: string;
  agency_id: string;
  service_code: string;
  gln: string;
  place_name: string;
  substatus: string;
  requested_at: string;
  description: string;
  state: string | null;
  reason: string | null;
};
export const toWords = (r: WordsSqlRow): WordsRow => ({
  id: r.id,
  agencyId: r.agency_id,
  serviceCode: r.service_code,
  gln: r.gln,
  placeName: r.place_name,
  substatus: r.substatus as Substatus,
  requestedAt: r.requested_at,
  words: r.description,
  state: (r.state ?? 'pending') as WordsState,
  reason: r.reason,
});
