import { POSTGRES } from './desk-sql.ts';
import {
  type CountSqlRow,
  countsSql,
  decideSql,
  type ItemSqlRow,
  itemsSql,
  type ReplySqlRow,
  repliesSql,
  toCount,
  toItem,
  toReply,
  toWords,
  type WordsSqlRow,
  wordsQueueParams,
  wordsQueueSql,
  wordsSql,
} from './outcomes-sql.ts';
import type { OutcomeQueries } from './outcomes-types.ts';
import type { Query } from './pg.ts';
import type { Async } from './types.ts';

// Public outcomes and the moderation of reporters' words on PostgreSQL: the same SQL as SQLite's.

export function createPgOutcomeQueries(q: Query): Async<OutcomeQueries> {
  return {
    outcomeCounts: async (gln, since) =>
      (await q<CountSqlRow>(countsSql(POSTGRES), [gln, since])).map(toCount),
    outcomeItems: async (gln, since, limit) =>
      (await q<ItemSqlRow>(itemsSql(POSTGRES), [gln, since, limit])).map(toItem),
    unionReplies: async (ids) =>
      ids.length === 0 ? [] : (await q<ReplySqlRow>(repliesSql(POSTGRES, ids.length), ids)).map(toReply),
    wordsQueue: async (agencyId, state, limit) =>
      (await q<WordsSqlRow>(wordsQueueSql(POSTGRES, state), wordsQueueParams(agencyId, state, limit))).map(
        toWords,
      ),
    words: async (id) => {
      const [row] = await q<WordsSqlRow>(wordsSql(POSTGRES), [id]);
      return row ? toWords(row) : undefined;
    },
    async decideWords(id, d) {
      await q(decideSql(POSTGRES), [id, d.state, d.reason, d.at, d.staffId, d.staffName]);
    },
  };
}
